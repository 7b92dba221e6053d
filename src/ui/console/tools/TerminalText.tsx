/** A tool's plain-text output in a terminal block. */
export function TerminalText({ text, wrap = false, className = '' }: { text: string; wrap?: boolean; className?: string }) {
  return <pre className={`terminal tools-term${wrap ? ' tools-term--wrap' : ''} ${className}`.trim()}>{text}</pre>;
}
