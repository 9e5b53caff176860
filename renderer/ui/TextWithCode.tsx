/** Plain text where `backticked` parts render as code (broker and connection messages use them). */
export function TextWithCode({ text }: { text: string }) {
  const parts = text.split('`');
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
