import { authorsProblem, contributionTotal, remainingShare } from './authors';

describe('authors % total', () => {
  it('adds up the shares typed so far, blanks counting 0', () => {
    expect(contributionTotal([])).toBe(0);
    expect(contributionTotal(undefined)).toBe(0);
    expect(contributionTotal([{ user_id: 'a', contribution_pct: 60 }, { user_id: 'b', contribution_pct: 40 }])).toBe(100);
    expect(contributionTotal([{ user_id: 'a', contribution_pct: 70 }, { user_id: 'b' }, undefined, { contribution_pct: null }])).toBe(70);
  });

  it('accepts exactly 100 and refuses any other total', () => {
    expect(authorsProblem([{ user_id: 'a', contribution_pct: 100 }])).toBeNull();
    expect(authorsProblem([{ user_id: 'a', contribution_pct: 60 }, { user_id: 'b', contribution_pct: 40 }])).toBeNull();
    expect(authorsProblem([{ user_id: 'a', contribution_pct: 60 }, { user_id: 'b', contribution_pct: 30 }])).toEqual({ kind: 'total', total: 90 });
    expect(authorsProblem([{ user_id: 'a', contribution_pct: 80 }, { user_id: 'b', contribution_pct: 30 }])).toEqual({ kind: 'total', total: 110 });
  });

  it('refuses an empty list and the same person twice', () => {
    expect(authorsProblem([])).toEqual({ kind: 'empty' });
    expect(authorsProblem([{ user_id: 'a', contribution_pct: 50 }, { user_id: 'a', contribution_pct: 50 }])).toEqual({ kind: 'duplicate', index: 1 });
  });

  it('suggests what is left for a new author', () => {
    expect(remainingShare([{ user_id: 'a', contribution_pct: 70 }])).toBe(30);
    expect(remainingShare([{ user_id: 'a', contribution_pct: 100 }])).toBe(1);
    expect(remainingShare([])).toBe(100);
  });
});
