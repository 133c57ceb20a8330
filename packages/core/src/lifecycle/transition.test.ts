import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBalaghError } from '../errors/balagh-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { type Report, reportSchema } from '../schemas/report.js';
import { type ClosedHow, type Role, roles, type Status, statuses } from '../schemas/status.js';
import { allowedClosedHow, allowedTransitions, canTransition } from './allowed-transitions.js';
import { type TransitionStep, transition } from './transition.js';
import { transitionTable } from './transition-table.js';

/**
 * The lifecycle written out a second time, by hand, edge by edge: the table must say exactly
 * this, no more and no less.
 */
const expectedEdges: Readonly<Record<string, readonly Role[]>> = {
  'received>assigned': ['agent', 'department', 'supervisor', 'admin', 'system'],
  'received>awaiting_info': ['agent', 'supervisor', 'admin'],
  'received>rejected': ['agent', 'supervisor', 'admin'],
  'received>duplicate': ['agent', 'supervisor', 'admin'],
  'assigned>assigned': ['agent', 'supervisor', 'admin'],
  'assigned>in_progress': ['agent', 'field_officer', 'department', 'supervisor', 'admin'],
  'assigned>awaiting_info': ['agent', 'field_officer', 'department', 'supervisor', 'admin'],
  'assigned>rejected': ['agent', 'supervisor', 'admin'],
  'assigned>duplicate': ['agent', 'supervisor', 'admin'],
  'in_progress>resolved': ['agent', 'field_officer', 'department', 'supervisor', 'admin'],
  'in_progress>awaiting_info': ['agent', 'field_officer', 'department', 'supervisor', 'admin'],
  'in_progress>rejected': ['agent', 'supervisor', 'admin'],
  'in_progress>duplicate': ['agent', 'supervisor', 'admin'],
  'awaiting_info>assigned': [
    'agent',
    'field_officer',
    'department',
    'supervisor',
    'admin',
    'system',
  ],
  'awaiting_info>in_progress': [
    'agent',
    'field_officer',
    'department',
    'supervisor',
    'admin',
    'system',
  ],
  'awaiting_info>rejected': ['agent', 'supervisor', 'admin'],
  'awaiting_info>duplicate': ['agent', 'supervisor', 'admin'],
  'resolved>in_progress': ['reporter', 'agent', 'supervisor', 'admin'],
  'resolved>closed': ['reporter', 'agent', 'field_officer', 'supervisor', 'admin', 'system'],
  'rejected>received': ['supervisor', 'admin'],
  'duplicate>received': ['supervisor', 'admin'],
};

const reportId = '0193a5e2-7c4b-7d3e-8f21-3a9b5c6d7e8f';
const masterId = '0193a5e2-7c4b-7d3e-8f21-000000000001';
const createdAt = '2026-05-26T05:00:00.000Z';

function makeReport(status: Status, extra: Partial<Report> = {}): Report {
  return {
    id: reportId,
    number: '1448-000123-7',
    categoryCode: 'waste_accumulation',
    description: 'Rubbish piled near camp 42',
    attributes: {},
    location: { lat: 21.4133, lng: 39.8933, landmark: 'Mina camp 42' },
    attachments: [],
    channel: 'whatsapp',
    language: 'ar',
    status,
    departmentCode: 'cleanliness',
    priority: 'high',
    slaPolicyCode: 'high',
    timeline: [{ at: createdAt, actor: 'reporter', role: 'reporter', from: null, to: 'received' }],
    createdAt,
    updatedAt: createdAt,
    ...(status === 'duplicate' ? { duplicateOf: masterId } : {}),
    ...extra,
  };
}

/** A step carrying everything the edge needs, so only the table decides. */
function validStep(from: Status, to: Status, role: Role): TransitionStep {
  return {
    to,
    role,
    actor: role === 'reporter' ? 'reporter' : `${role}-1`,
    at: '2026-05-26T06:30:00.000Z',
    ...(to === 'assigned' ? { departmentCode: from === 'assigned' ? 'lighting' : 'roads' } : {}),
    ...(to === 'closed' ? { closedHow: allowedClosedHow(role)[0] ?? 'confirmed' } : {}),
    ...(to === 'rejected' ? { note: 'Private property: not a municipal matter' } : {}),
    ...(to === 'duplicate' ? { duplicateOf: masterId } : {}),
  };
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

describe('transitionTable', () => {
  it('has exactly the expected edges, each with exactly the expected roles', () => {
    const actual = Object.fromEntries(
      transitionTable.map((rule) => [`${rule.from}>${rule.to}`, [...rule.roles].sort()]),
    );
    const expected = Object.fromEntries(
      Object.entries(expectedEdges).map(([edge, allowed]) => [edge, [...allowed].sort()]),
    );
    expect(actual).toEqual(expected);
    expect(transitionTable).toHaveLength(Object.keys(expectedEdges).length);
  });

  it('lets nothing leave closed and gives integration no status change', () => {
    for (const role of roles) expect(allowedTransitions('closed', role)).toEqual([]);
    for (const status of statuses) expect(allowedTransitions(status, 'integration')).toEqual([]);
  });
});

describe('every edge for every role', () => {
  const cases = statuses.flatMap((from) =>
    statuses.flatMap((to) => roles.map((role) => ({ from, to, role }))),
  );

  it.each(cases)('$from → $to as $role', ({ from, to, role }) => {
    const allowedRoles = expectedEdges[`${from}>${to}`];
    const allowed = allowedRoles?.includes(role) ?? false;
    expect(canTransition(from, to, role)).toBe(allowed);
    expect(allowedTransitions(from, role).includes(to)).toBe(allowed);

    const report = makeReport(from);
    const step = validStep(from, to, role);
    if (allowed) {
      const next = transition(report, step);
      expect(next.status).toBe(to);
      expect(reportSchema.safeParse(next).success).toBe(true);
    } else if (allowedRoles === undefined) {
      const error = thrown(() => transition(report, step));
      expect(isBalaghError(error, 'INVALID_TRANSITION')).toBe(true);
      expect(isBalaghError(error) && error.details).toEqual({ from, to });
    } else {
      const error = thrown(() => transition(report, step));
      expect(isBalaghError(error, 'FORBIDDEN_ROLE')).toBe(true);
      expect(isBalaghError(error) && error.details).toEqual({
        from,
        to,
        role,
        allowedRoles: transitionTable.find((rule) => rule.from === from && rule.to === to)?.roles,
      });
    }
  });
});

describe('transition', () => {
  it('returns a new report and leaves the given one untouched', () => {
    const report = makeReport('in_progress');
    const before = structuredClone(report);
    Object.freeze(report);
    Object.freeze(report.timeline);
    const next = transition(report, {
      to: 'resolved',
      actor: 'officer-7',
      role: 'field_officer',
      at: '2026-05-26T07:00:00.000Z',
    });
    expect(next).not.toBe(report);
    expect(next.timeline).not.toBe(report.timeline);
    expect(report).toEqual(before);
    expect(next.status).toBe('resolved');
    expect(next.description).toBe(report.description);
  });

  it('appends one timeline entry with the time as an ISO string with milliseconds', () => {
    const report = makeReport('assigned');
    const next = transition(report, {
      to: 'awaiting_info',
      actor: 'dept-cleanliness',
      role: 'department',
      at: Date.UTC(2026, 4, 26, 8, 15, 30, 250),
      note: 'Which camp gate is nearest?',
    });
    expect(next.timeline).toHaveLength(2);
    expect(next.timeline[0]).toEqual(report.timeline[0]);
    expect(next.timeline[1]).toEqual({
      at: '2026-05-26T08:15:30.250Z',
      actor: 'dept-cleanliness',
      role: 'department',
      from: 'assigned',
      to: 'awaiting_info',
      note: 'Which camp gate is nearest?',
    });
    expect(next.updatedAt).toBe('2026-05-26T08:15:30.250Z');
  });

  it('reads a time with an offset, a Date and epoch milliseconds as the same instant', () => {
    const report = makeReport('in_progress');
    const step = { to: 'resolved', actor: 'a', role: 'agent' } as const;
    const results = [
      transition(report, { ...step, at: '2026-05-26T10:00:00+03:00' }),
      transition(report, { ...step, at: new Date('2026-05-26T07:00:00Z') }),
      transition(report, { ...step, at: Date.UTC(2026, 4, 26, 7) }),
    ];
    for (const result of results) expect(result.updatedAt).toBe('2026-05-26T07:00:00.000Z');
  });

  it('records the department on assignment and on reassignment', () => {
    const assigned = transition(makeReport('received'), {
      to: 'assigned',
      actor: 'routing',
      role: 'system',
      at: '2026-05-26T05:00:01.000Z',
      departmentCode: 'health',
    });
    expect(assigned.departmentCode).toBe('health');
    expect(assigned.timeline.at(-1)?.departmentCode).toBe('health');
    const reassigned = transition(assigned, {
      to: 'assigned',
      actor: 'agent-3',
      role: 'agent',
      at: '2026-05-26T05:10:00.000Z',
      departmentCode: 'roads',
      note: 'Pothole, not food hygiene',
    });
    expect(reassigned.departmentCode).toBe('roads');
    expect(reassigned.timeline.at(-1)).toMatchObject({ from: 'assigned', to: 'assigned' });
  });

  it('keeps the department when coming back from awaiting_info without naming one', () => {
    const next = transition(makeReport('awaiting_info', { departmentCode: 'lighting' }), {
      to: 'assigned',
      actor: 'system',
      role: 'system',
      at: '2026-05-26T09:00:00.000Z',
    });
    expect(next.departmentCode).toBe('lighting');
    expect(next.timeline.at(-1)?.departmentCode).toBe('lighting');
  });

  it('sets closedHow on closing and duplicateOf on marking a duplicate', () => {
    const closed = transition(makeReport('resolved'), {
      to: 'closed',
      actor: 'sla-monitor',
      role: 'system',
      at: '2026-05-29T05:00:00.000Z',
      closedHow: 'unconfirmed',
    });
    expect(closed.closedHow).toBe('unconfirmed');
    expect(closed.timeline.at(-1)?.closedHow).toBe('unconfirmed');

    const duplicate = transition(makeReport('received'), {
      to: 'duplicate',
      actor: 'agent-1',
      role: 'agent',
      at: '2026-05-26T05:30:00.000Z',
      duplicateOf: masterId,
    });
    expect(duplicate.duplicateOf).toBe(masterId);
    expect(duplicate.timeline.at(-1)?.duplicateOf).toBe(masterId);
  });

  it('drops the master link when a wrong duplicate is reinstated', () => {
    const report = makeReport('duplicate');
    expect(report.duplicateOf).toBe(masterId);
    const next = transition(report, {
      to: 'received',
      actor: 'supervisor-1',
      role: 'supervisor',
      at: '2026-05-26T06:00:00.000Z',
      note: 'Different camp',
    });
    expect(next.status).toBe('received');
    expect('duplicateOf' in next).toBe(false);
  });

  it('works on any record with the needed fields, not only a full Report', () => {
    const row = {
      status: 'in_progress' as Status,
      timeline: [] as const,
      updatedAt: createdAt,
      extra: 42,
    };
    const next = transition(row, {
      to: 'resolved',
      actor: 'a',
      role: 'admin',
      at: createdAt,
    });
    expect(next.extra).toBe(42);
    expect(next.timeline).toHaveLength(1);
  });
});

describe('transition errors', () => {
  const base = { actor: 'someone', at: '2026-05-26T07:00:00.000Z' } as const;

  function validationPaths(report: Report, step: TransitionStep): string[] {
    const error = thrown(() => transition(report, step));
    expect(error).toBeInstanceOf(ValidationError);
    expect(isBalaghError(error, 'VALIDATION_FAILED')).toBe(true);
    return (error as ValidationError).issues.map((issue) => issue.path);
  }

  it('refuses to close without saying how', () => {
    expect(
      validationPaths(makeReport('resolved'), { ...base, to: 'closed', role: 'admin' }),
    ).toEqual(['closedHow']);
  });

  it.each<[Role, ClosedHow]>([
    ['reporter', 'unconfirmed'],
    ['system', 'confirmed'],
    ['agent', 'unconfirmed'],
    ['field_officer', 'unconfirmed'],
  ])('refuses a %s closing as %s', (role, closedHow) => {
    expect(
      validationPaths(makeReport('resolved'), { ...base, to: 'closed', role, closedHow }),
    ).toEqual(['closedHow']);
  });

  it('lets supervisors and admins close either way', () => {
    for (const role of ['supervisor', 'admin'] as const) {
      expect(allowedClosedHow(role)).toEqual(['confirmed', 'unconfirmed']);
    }
    expect(allowedClosedHow('department')).toEqual([]);
  });

  it('refuses a rejection without a reason', () => {
    const report = makeReport('assigned');
    expect(validationPaths(report, { ...base, to: 'rejected', role: 'agent' })).toEqual(['note']);
    expect(validationPaths(report, { ...base, to: 'rejected', role: 'agent', note: '  ' })).toEqual(
      ['note'],
    );
  });

  it('refuses a duplicate without a master, or of itself', () => {
    const report = makeReport('received');
    expect(validationPaths(report, { ...base, to: 'duplicate', role: 'agent' })).toEqual([
      'duplicateOf',
    ]);
    expect(
      validationPaths(report, { ...base, to: 'duplicate', role: 'agent', duplicateOf: reportId }),
    ).toEqual(['duplicateOf']);
  });

  it('refuses an assignment without a department, and a reassignment to the same one', () => {
    expect(
      validationPaths(makeReport('received'), { ...base, to: 'assigned', role: 'agent' }),
    ).toEqual(['departmentCode']);
    expect(
      validationPaths(makeReport('assigned'), {
        ...base,
        to: 'assigned',
        role: 'agent',
        departmentCode: 'cleanliness',
      }),
    ).toEqual(['departmentCode']);
  });

  it('refuses data that does not belong to the step', () => {
    expect(
      validationPaths(makeReport('in_progress'), {
        ...base,
        to: 'resolved',
        role: 'agent',
        closedHow: 'confirmed',
        duplicateOf: masterId,
        departmentCode: 'roads',
      }),
    ).toEqual(['closedHow', 'duplicateOf', 'departmentCode']);
  });

  it('refuses a time before the last timeline entry, and a time that is not an instant', () => {
    const report = makeReport('in_progress');
    const step = { to: 'resolved', role: 'agent', actor: 'a' } as const;
    expect(validationPaths(report, { ...step, at: '2026-05-26T04:59:59.999Z' })).toEqual(['at']);
    expect(validationPaths(report, { ...step, at: 'tomorrow' })).toEqual(['at']);
    // Without a zone the instant would depend on the host's time zone.
    expect(validationPaths(report, { ...step, at: '2026-05-26T09:00:00' })).toEqual(['at']);
    expect(validationPaths(report, { ...step, at: Number.NaN })).toEqual(['at']);
    expect(transition(report, { ...step, at: createdAt }).status).toBe('resolved');
  });

  it('refuses an empty actor', () => {
    expect(
      validationPaths(makeReport('in_progress'), {
        ...base,
        actor: ' ',
        to: 'resolved',
        role: 'agent',
      }),
    ).toEqual(['actor']);
  });
});

describe('lifecycle walks', () => {
  it('keeps a consistent timeline along any sequence of allowed steps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...roles), fc.nat({ max: 3_600_000 })), {
          maxLength: 25,
        }),
        (choices) => {
          let report = makeReport('received');
          let time = Date.parse(createdAt);
          for (const [pick, role, delay] of choices) {
            const options = allowedTransitions(report.status, role);
            if (options.length === 0) continue;
            const to = options[pick % options.length] as Status;
            time += delay;
            const step = { ...validStep(report.status, to, role), at: time };
            const reassigning = report.status === 'assigned' && to === 'assigned';
            const next = transition(report, {
              ...step,
              ...(reassigning && report.departmentCode === 'lighting'
                ? { departmentCode: 'roads' }
                : {}),
            });
            expect(next.timeline).toHaveLength(report.timeline.length + 1);
            report = next;
          }
          for (let index = 1; index < report.timeline.length; index += 1) {
            const previous = report.timeline[index - 1];
            const current = report.timeline[index];
            expect(current?.from).toBe(previous?.to);
            expect(Date.parse(current?.at ?? '')).toBeGreaterThanOrEqual(
              Date.parse(previous?.at ?? ''),
            );
          }
          expect(report.timeline.at(-1)?.to).toBe(report.status);
          expect(report.status === 'duplicate').toBe(report.duplicateOf !== undefined);
        },
      ),
    );
  });
});
