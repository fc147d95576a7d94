-- The default hazard category catalog (configurable afterwards by city admins). Every deployment
-- needs it, demo or not, so it ships as a migration; existing codes are left as they are.
INSERT INTO hazard_categories (code, name_zh, name_en, sort_order) VALUES
  ('geological', '地质灾害', 'Geological hazard', 10),
  ('waterlogging', '城乡内涝', 'Urban and rural waterlogging', 20),
  ('dangerous_building', '危房', 'Dangerous building', 30),
  ('fire', '消防', 'Fire safety', 40),
  ('gas', '燃气', 'Gas', 50),
  ('work_safety', '安全生产', 'Work safety', 60),
  ('forest_fire', '森林火险', 'Forest fire risk', 70),
  ('marine', '海上/渔船', 'Sea and fishing boats', 80),
  ('other', '其他', 'Other', 90)
ON CONFLICT (code) DO NOTHING;
