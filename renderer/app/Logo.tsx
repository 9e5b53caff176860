/** The Latch mark: a shackle over a rounded body with a keyhole. */
export function Logo({ size = 22 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="logo">
      <path d="M7 10V7a5 5 0 0 1 9.6-2" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
      <rect x="3.5" y="10" width="17" height="12" rx="3.5" fill="currentColor" />
      <circle cx="12" cy="15.2" r="1.8" className="logo-hole" />
      <rect x="11.1" y="16" width="1.8" height="3.2" rx="0.9" className="logo-hole" />
    </svg>
  );
}
