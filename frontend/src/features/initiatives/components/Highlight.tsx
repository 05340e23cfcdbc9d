import { Fragment } from 'react';
import { highlightSegments } from './highlight';

/** `text` with the words of `query` marked, ignoring diacritics and case. */
export function Highlight({ text, query }: { text: string; query?: string | null }) {
  if (!query) return <>{text}</>;
  return (
    <>
      {highlightSegments(text, query).map((s, i) =>
        s.match ? (
          <mark key={i} style={{ padding: 0, background: '#ffe58f' }}>
            {s.text}
          </mark>
        ) : (
          // Plain text nodes, so the link's accessible name keeps the spaces around marks.
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}
