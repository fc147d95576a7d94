import { PictureOutlined } from '@ant-design/icons';

/** A hazard's first photo as a small cropped thumbnail, or a placeholder. */
export function Thumb({ url, alt }: { url: string | null; alt: string }) {
  if (!url)
    return (
      <span className="hz-thumb hz-thumb-empty" aria-label={alt}>
        <PictureOutlined />
      </span>
    );
  return <img className="hz-thumb" src={url} alt={alt} loading="lazy" />;
}
