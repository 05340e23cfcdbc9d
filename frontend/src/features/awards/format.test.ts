import { ApiError } from '@/api/problem';
import { awardFileUrls } from './api/awards';
import { eligibilityRequest, formAvailability, formDeadline, ineligibleRules, nominationErrors, recordHref } from './format';

describe('recordHref', () => {
  it('links each kind of record to the page that shows it, and names the others', () => {
    expect(recordHref({ kind: 'violation_record', id: 'v1', label: 'x' })).toBe('/records/violations/v1');
    expect(recordHref({ kind: 'evaluation_round', id: 'r1', label: 'x' })).toBe('/evaluation/rounds/r1');
    expect(recordHref({ kind: 'staff_rating', id: 's1', label: 'x' })).toBe('/records/ratings');
    expect(recordHref({ kind: 'unit_rating', id: 'u1', label: 'x' })).toBe('/records/ratings');
    expect(recordHref({ kind: 'initiative', id: 'i1', label: 'x' })).toBe('/initiatives/i1');
    expect(recordHref({ kind: 'award_form', id: 'f1', label: 'x' })).toBeNull();
    expect(recordHref({ kind: 'violation_record', id: null, label: 'x' })).toBeNull();
  });
});

describe('API refusals', () => {
  it('reads the failed rules of an `ineligible` refusal, and nothing of any other', () => {
    const e = new ApiError(422, {
      code: 'ineligible',
      errors: [
        { field: 'rules.no_violation', code: 'no_violation', message: 'Có 1 hồ sơ vi phạm.' },
        { field: 'rules.within_deadline', code: 'within_deadline', message: '' },
      ],
    });
    expect(ineligibleRules(e)).toEqual([
      { code: 'no_violation', message: 'Có 1 hồ sơ vi phạm.' },
      { code: 'within_deadline', message: 'within_deadline' },
    ]);
    expect(ineligibleRules(new ApiError(422, { code: 'validation_failed', errors: [{ field: 'rules.x', code: 'x', message: 'm' }] }))).toEqual([]);
    expect(ineligibleRules(new Error('x'))).toEqual([]);
  });

  it('groups a decision’s refusals by nomination', () => {
    const e = new ApiError(422, {
      code: 'not_approved',
      errors: [
        { field: 'nomination_ids.n2', code: 'not_approved', message: 'Chưa được duyệt.' },
        { field: 'nomination_ids[0]', code: 'x', message: 'by position: not a nomination' },
        { field: 'number', code: 'invalid_number', message: 'Sai số.' },
      ],
    });
    expect(nominationErrors(e)).toEqual({ n2: ['Chưa được duyệt.'] });
  });
});

describe('award forms', () => {
  const form = { in_force: true, valid_from: '2016-01-01', nominee_kinds: ['initiative' as const] };
  it('tells why a form cannot be chosen', () => {
    expect(formAvailability(form, 'initiative', '2025-11-20')).toBe('available');
    expect(formAvailability(form, 'person', '2025-11-20')).toBe('not_for_kind');
    expect(formAvailability({ ...form, in_force: false }, 'initiative', '2025-11-20')).toBe('ended');
    expect(formAvailability({ ...form, in_force: false, valid_from: '2026-01-01' }, 'initiative', '2025-11-20')).toBe('not_yet');
  });
  it('writes the yearly deadline as people do', () => {
    expect(formDeadline({ deadline_month: 12, deadline_day: 5 })).toBe('05/12');
    expect(formDeadline({ deadline_month: null, deadline_day: null })).toBeNull();
  });
});

describe('eligibilityRequest', () => {
  it('asks only once the nominee and the form are chosen, with a plausible year', () => {
    expect(eligibilityRequest({ kind: 'initiative', award_form_id: 'f' })).toBeNull();
    expect(eligibilityRequest({ kind: 'person', user_id: 'u', award_form_id: null })).toBeNull();
    expect(eligibilityRequest({ kind: 'person', user_id: 'u', award_form_id: 'f', year: 202 })).toEqual({ nominee_kind: 'person', user_id: 'u', award_form_id: 'f' });
    expect(eligibilityRequest({ kind: 'unit', organization_id: 'o', initiative_id: 'ignored', award_form_id: 'f', year: 2024 })).toEqual({
      nominee_kind: 'unit',
      organization_id: 'o',
      award_form_id: 'f',
      year: 2024,
    });
  });
});

describe('awardFileUrls', () => {
  it('builds the export addresses with the list’s filters', () => {
    expect(awardFileUrls.nominationList('xlsx', { status: 'approved', year: 2025, award_form_id: undefined })).toBe('/api/v1/nominations/export.xlsx?status=approved&year=2025');
    expect(awardFileUrls.nominationList('docx')).toBe('/api/v1/nominations/export.docx');
    expect(awardFileUrls.draftDecision('docx', { organization_id: 'o', award_form_id: 'f', year: 2025 })).toBe('/api/v1/nominations/draft-decision.docx?organization_id=o&award_form_id=f&year=2025');
    expect(awardFileUrls.dossier('n1')).toBe('/api/v1/nominations/n1/dossier.docx');
    expect(awardFileUrls.decision('d1')).toBe('/api/v1/award-decisions/d1/decision.docx');
  });
});
