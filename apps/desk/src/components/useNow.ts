import { useEffect, useState } from 'react';

/** The current time (epoch ms), refreshed every `intervalMs`: countdowns and times in state. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
