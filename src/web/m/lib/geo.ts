import { useCallback, useEffect, useRef, useState } from 'react';

export type Fix = { lat: number; lng: number; accuracy?: number };

export type PositionState =
  | { status: 'locating'; fix: Fix | null }
  | { status: 'fixed'; fix: Fix }
  | { status: 'manual'; fix: Fix }
  | { status: 'failed'; fix: null };

/** One GPS fix (high accuracy, fresh within 30 s), or null when there is none within the timeout. */
export function locate(timeoutMs = 15_000): Promise<Fix | null> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: round(p.coords.latitude), lng: round(p.coords.longitude), accuracy: Math.round(p.coords.accuracy) }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 },
    );
  });
}

/** Seven decimals is about a centimetre: more is noise. */
function round(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}

/**
 * The position for a form: located once on open, again on request, or set by tapping the map (then
 * it has no accuracy: the person chose it).
 */
export function usePosition(initial?: Fix | null) {
  const [state, setState] = useState<PositionState>(initial ? { status: 'manual', fix: initial } : { status: 'locating', fix: null });
  const manual = useRef(Boolean(initial));

  const relocate = useCallback(() => {
    manual.current = false;
    setState((s) => ({ status: 'locating', fix: s.fix }));
    void locate().then((fix) => {
      if (manual.current) return;
      setState(fix ? { status: 'fixed', fix } : { status: 'failed', fix: null });
    });
  }, []);

  useEffect(() => {
    if (!initial) relocate();
    // Only on open: a prefilled position (an edited report) is kept until the user asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const setManual = useCallback((lat: number, lng: number) => {
    manual.current = true;
    setState({ status: 'manual', fix: { lat: round(lat), lng: round(lng) } });
  }, []);

  return { position: state, relocate, setManual };
}
