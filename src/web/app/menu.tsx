import type { ComponentType, ReactNode } from 'react';
import { AimOutlined, AlertOutlined, BarChartOutlined, EnvironmentOutlined, ApartmentOutlined, AuditOutlined, CloudUploadOutlined, HomeOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { BorderOuterOutlined, PhoneOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { ScheduleOutlined, SwapOutlined } from '@ant-design/icons';
import { DashboardOutlined, FileTextOutlined, SendOutlined } from '@ant-design/icons';
import { ProfileOutlined } from '@ant-design/icons';
import { ThunderboltOutlined } from '@ant-design/icons';
import { NotificationOutlined, SoundOutlined } from '@ant-design/icons';
import type { Permission } from '../../contracts';
import type { MessageKey } from './i18n';
import { HazardMenuBadge } from '../modules/hazards/menu-badge';
import { WarningsMenuBadge } from '../modules/warnings/menu-badge';

export type MenuEntry = {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown when the user holds any of these permissions; none listed: everyone. */
  anyOf?: Permission[];
  /** Shown after the label (a count that needs attention). */
  badge?: ComponentType;
  /** Entries of one group follow each other and stand under its heading (值班). */
  group?: MessageKey;
};

/** The hazard pages: reviewers, approvers, and whoever reports (a village lead rectifies there too). */
export const HAZARD_PAGES: Permission[] = ['hazards.manage', 'hazards.approve', 'hazards.report'];

/** The pages that exist, in menu order. Only entries the user's permissions allow are shown. */
export const MENU: MenuEntry[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  { path: '/warnings/mine', label: 'nav.warningsMine', icon: <NotificationOutlined />, badge: WarningsMenuBadge, group: 'nav.warnings' },
  { path: '/warnings', label: 'nav.warningsAll', icon: <SoundOutlined />, anyOf: ['warnings.manage', 'warnings.issue'], group: 'nav.warnings' },
  { path: '/duty/console', label: 'nav.dutyConsole', icon: <DashboardOutlined />, anyOf: ['duty.read'], group: 'nav.duty' },
  { path: '/duty/events', label: 'nav.dutyEvents', icon: <FileTextOutlined />, anyOf: ['duty.read'], group: 'nav.duty' },
  { path: '/duty/reports', label: 'nav.dutyReports', icon: <SendOutlined />, anyOf: ['duty.read'], group: 'nav.duty' },
  { path: '/duty/roster', label: 'nav.dutyRoster', icon: <ScheduleOutlined />, anyOf: ['duty.read'], group: 'nav.duty' },
  { path: '/duty/handover', label: 'nav.dutyHandover', icon: <SwapOutlined />, anyOf: ['duty.read'], group: 'nav.duty' },
  { path: '/duty/comms', label: 'nav.dutyComms', icon: <PhoneOutlined />, anyOf: ['duty.read'], group: 'nav.duty' },
  { path: '/duty/zero-reports', label: 'nav.zeroReports', icon: <SafetyCertificateOutlined />, anyOf: ['duty.read'], group: 'nav.duty' },
  { path: '/org', label: 'nav.hierarchy', icon: <ApartmentOutlined />, anyOf: ['org.read'] },
  { path: '/org/people', label: 'nav.people', icon: <TeamOutlined />, anyOf: ['org.read'] },
  { path: '/org/import', label: 'nav.import', icon: <CloudUploadOutlined />, anyOf: ['org.read'] },
  { path: '/hazards', label: 'nav.hazards', icon: <AlertOutlined />, anyOf: HAZARD_PAGES, badge: HazardMenuBadge },
  { path: '/hazards/map', label: 'nav.hazardMap', icon: <EnvironmentOutlined />, anyOf: HAZARD_PAGES },
  { path: '/hazards/stats', label: 'nav.hazardStats', icon: <BarChartOutlined />, anyOf: HAZARD_PAGES },
  { path: '/risks', label: 'nav.risks', icon: <AimOutlined />, anyOf: ['org.read'] },
  { path: '/grids', label: 'nav.grids', icon: <BorderOuterOutlined />, anyOf: ['grids.manage', 'org.read'] },
  { path: '/plans', label: 'nav.plans', icon: <ProfileOutlined />, anyOf: ['plans.read'] },
  { path: '/responses', label: 'nav.responses', icon: <ThunderboltOutlined />, anyOf: ['warnings.respond', 'plans.read'] },
  { path: '/accounts', label: 'nav.accounts', icon: <UserOutlined />, anyOf: ['accounts.manage'] },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, anyOf: ['audit.read'] },
];

export function visibleMenu(permissions: readonly string[]): MenuEntry[] {
  return MENU.filter((entry) => !entry.anyOf || entry.anyOf.some((p) => permissions.includes(p)));
}

/** The menu entry a location belongs to: the longest path that prefixes it (/org/units/… → /org). */
export function selectedMenuKey(pathname: string, entries: MenuEntry[]): string | undefined {
  let best: MenuEntry | undefined;
  for (const entry of entries) {
    const matches = entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (matches && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best?.path;
}

type Item = { key: string; icon: ReactNode; label: ReactNode };
type GroupItem = { type: 'group'; key: string; label: ReactNode; children: Item[] };

/** The menu's items: entries of a group gathered under its heading, the others as they come. */
export function groupMenuItems(entries: MenuEntry[], item: (entry: MenuEntry) => Item, heading: (group: MessageKey) => ReactNode): (Item | GroupItem)[] {
  const out: (Item | GroupItem)[] = [];
  for (const entry of entries) {
    if (!entry.group) {
      out.push(item(entry));
      continue;
    }
    const key = `group:${entry.group}`;
    const existing = out.find((i): i is GroupItem => 'type' in i && i.key === key);
    if (existing) existing.children.push(item(entry));
    else out.push({ type: 'group', key, label: heading(entry.group), children: [item(entry)] });
  }
  return out;
}
