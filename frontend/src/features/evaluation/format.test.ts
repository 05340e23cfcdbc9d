import { criteria, entry, people, round } from './components/fixtures.test-data';
import { cellState, formatPoints, formatTotal, missingCriteria, runningTotal, sheetFieldName, sheetFormValues, sheetMatrix, toSaveRequest, twoThirdsOf } from './format';
import { committeeMembers, committeeProblem } from './committee';

describe('formatPoints', () => {
  it('writes points the Vietnamese way, or the English way, with two decimals at most', () => {
    expect(formatPoints(82.5, 'vi')).toBe('82,5');
    expect(formatPoints(82.5, 'en')).toBe('82.5');
    expect(formatPoints(83.3333, 'vi')).toBe('83,33');
    expect(formatPoints(1234, 'vi')).toBe('1.234');
    expect(formatPoints(null, 'vi')).toBe('');
  });
  it('shows a total over the maximum, with a dash before any sheet is in', () => {
    expect(formatTotal(82.5, 100, 'vi')).toBe('82,5 / 100');
    expect(formatTotal(null, 100, 'vi')).toBe('— / 100');
  });
});

describe('sheetMatrix', () => {
  it('has a column per evaluator assigned, in the committee’s order, and a cell per assignment', () => {
    const second = entry({ id: 'e2', sort_order: 0, assignments: [{ id: 'x', evaluator: people.chair, recused: false, conflict_note: null, sheet: 'due' }] });
    const { evaluators, rows } = sheetMatrix([entry(), second], round().members);
    expect(evaluators.map((e) => e.display_name)).toEqual([people.chair.display_name, people.congdoan.display_name, people.chidoan.display_name, people.teacher.display_name]);
    expect(rows.map((r) => r.entry.id)).toEqual(['e2', 'e1']);
    expect(cellState(rows[1]!.cells.get(people.congdoan.id))).toBe('submitted');
    expect(cellState(rows[1]!.cells.get(people.chidoan.id))).toBe('recused');
    expect(cellState(rows[1]!.cells.get(people.teacher.id))).toBe('draft');
    expect(cellState(rows[1]!.cells.get(people.chair.id))).toBe('none');
  });
});

describe('the score sheet form', () => {
  it('starts from the sheet, every criterion present', () => {
    const v = sheetFormValues({ criteria, scores: { solves_problems: 25 }, gates: { legality: true }, comments: { social_impact: 'Tốt' }, overall_comment: null });
    expect(v.scores).toEqual({ solves_problems: 25, social_impact: null, superiority: null, future_development: null });
    expect(v.gates).toEqual({ legality: true });
    expect(v.comments.social_impact).toBe('Tốt');
    expect(v.comments.legality).toBe('');
    expect(v.overall_comment).toBe('');
  });

  it('sends only what is scored or answered, trimmed comments, and an empty overall comment to clear it', () => {
    const body = toSaveRequest(
      { scores: { solves_problems: 25, social_impact: null }, gates: { legality: false }, comments: { solves_problems: '  Rõ ràng ', superiority: '   ' }, overall_comment: '  ' },
      criteria,
    );
    expect(body).toEqual({ scores: { solves_problems: 25 }, gates: { legality: false }, comments: { solves_problems: 'Rõ ràng' }, overall_comment: '' });
  });

  it('totals the weighted scores and names what is still missing', () => {
    const values = { scores: { solves_problems: 25, social_impact: 20.5 }, gates: {} };
    expect(runningTotal(values, criteria)).toBe(45.5);
    expect(missingCriteria(values, criteria).map((c) => c.code)).toEqual(['legality', 'superiority', 'future_development']);
  });

  it('puts an unanswered gate’s error (the API names it scores.<code>) on the gate', () => {
    expect(sheetFieldName(['scores', 'legality'], criteria)).toEqual(['gates', 'legality']);
    expect(sheetFieldName(['scores', 'superiority'], criteria)).toEqual(['scores', 'superiority']);
  });
});

describe('committee', () => {
  it('lists the seats as the API takes them and checks its composition', () => {
    const seats = { chair: 'a', secretary: 'b', members: ['c', 'd'] };
    expect(committeeMembers(seats)).toEqual([
      { user_id: 'a', role: 'chair' },
      { user_id: 'b', role: 'secretary' },
      { user_id: 'c', role: 'member' },
      { user_id: 'd', role: 'member' },
    ]);
    expect(committeeProblem(seats)).toBeNull();
    expect(committeeProblem({ chair: 'a', members: ['b'] })).toBe('too_small');
    expect(committeeProblem({ chair: 'a', secretary: 'b', members: ['a', 'c'] })).toBe('duplicate');
  });
  it('needs two thirds of the members in favour', () => {
    expect(twoThirdsOf(5)).toBe(4);
    expect(twoThirdsOf(6)).toBe(4);
    expect(twoThirdsOf(7)).toBe(5);
  });
});
