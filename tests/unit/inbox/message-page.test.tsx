import type { Draft, Message } from '../../../src/db';
import { parseRegenerateInstructions } from '../../../src/inbox/actions/regenerate-instructions';
import { promptsWithInstruction } from '../../../src/inbox/actions/regenerate';
import { explainDraftFlag, explainMessageFlag } from '../../../src/inbox/message/flags';
import { isRefusal, sendErrorText } from '../../../src/inbox/message/send-errors';
import { ageYears, duration } from '../../../src/inbox/message/format';
import type { MessageView } from '../../../src/inbox/message/load';
import { renderMessagePage } from '../../../src/inbox/message/page';
import type { MessagePageInput } from '../../../src/inbox/message/page-model';
import { loadPrompts } from '../../../src/drafting';
import { DEFAULT_PROMPTS_DIR } from '../../../src/config/prompts-dir';
import fs from 'node:fs';
import path from 'node:path';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'`';

function message(overrides: Partial<Message> = {}): Message {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    portal_id: 'c-1',
    original_escaped: null,
    thread_ref: null,
    part_of_ref: null,
    in_response_to_ref: null,
    patient_ref: 'Patient/p1',
    sender_ref: null,
    subject: HOSTILE,
    body: `${HOSTILE}\nsecond line`,
    language: 'en',
    received_at: new Date('2026-03-03T15:00:00Z'),
    ingested_at: new Date('2026-03-03T15:00:01Z'),
    urgency: 'urgent',
    urgency_rank: 1,
    category: 'symptom',
    categories: ['symptom'],
    triage_reasons: [`red flag: "${HOSTILE}"`],
    needs_reply: true,
    flags: [],
    status: 'ready',
    assigned_to: null,
    closed_at: null,
    closed_by: null,
    close_reason: null,
    version: 4,
    updated_at: new Date('2026-03-03T15:00:01Z'),
    routed_to: null,
    assigned_at: null,
    ...overrides,
  };
}

function draft(): Draft {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    message_id: '11111111-1111-4111-8111-111111111111',
    body: HOSTILE,
    source: 'llm',
    model: 'gpt-test',
    prompt_version: 'p',
    reading_grade: 5.5,
    target_grade: 6,
    flags: [`ungrounded_medicine: ${HOSTILE}`],
    context_snapshot: null,
    tokens: null,
    latency_ms: null,
    created_at: new Date('2026-03-03T15:01:00Z'),
  };
}

function input(overrides: Partial<MessagePageInput> = {}, view: Partial<MessageView> = {}): MessagePageInput {
  return {
    view: {
      message: message(),
      patient: { name: HOSTILE, birthDate: '1990-03-04', sex: 'female' },
      thread: [],
      draft: draft(),
      snapshot: {
        sources: [HOSTILE],
        reasons: [HOSTILE],
        facts: HOSTILE,
        templateKinds: [],
        styleExamples: 0,
      },
      draftCount: 1,
      replyDraft: null,
      reply: null,
      alert: null,
      assignee: null,
      closedBy: null,
      feedbackGiven: false,
      ...view,
    },
    ctx: { user: { id: 'u1', name: 'Sam <Ortiz>', role: 'staff' }, csrfToken: 'tok"en' },
    zone: 'America/Chicago',
    now: new Date('2026-03-03T17:30:00Z'),
    others: [{ name: '<b>Dana</b>', mode: 'replying' }],
    can: { edit: true, approve: true, close: true, changeUrgency: false, acknowledge: false },
    modelConfigured: true,
    ...overrides,
  };
}

describe('renderMessagePage', () => {
  it('escapes every value from outside the page', () => {
    const html = renderMessagePage(input());
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Dana');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('&lt;b>Dana&lt;/b> is replying');
    expect(html).toContain('value="tok&quot;en"');
    // No tag carries a style or an inline handler (the CSP forbids both).
    expect(html).not.toMatch(/<[a-z][^>]*\s(style|on[a-z]+)=/i);
  });

  it('shows waiting time, age and the grade against its target', () => {
    const html = renderMessagePage(input());
    expect(html).toContain('2 h 30 min');
    expect(html).toContain(', 35 years, female');
    expect(html).toContain('5.5 (target 6.0): at or below the target');
    expect(html).toContain('Names a medicine that is not in the chart');
  });

  it('keeps what a refused form sent and announces the problem once', () => {
    const html = renderMessagePage(
      input(
        {
          feedback: {
            form: 'reply',
            error: 'The reply is longer than 20,000 characters.',
            values: { body: 'my <text>' },
          },
        },
        {},
      ),
    );
    expect(html).toContain('my &lt;text></textarea>');
    expect(html.match(/role="alert"/g)).toHaveLength(2); // the problem summary, and the live change notice
    expect(html).toContain('Nothing was changed: The reply is longer than 20,000 characters.');
  });

  it('offers no actions to a role that may only read', () => {
    const html = renderMessagePage(
      input({ can: { edit: false, approve: false, close: false, changeUrgency: false, acknowledge: false } }),
    );
    for (const name of [
      'Start with draft',
      'Start blank',
      'Start blank instead',
      'Approve and send',
      'Approve and next',
      'Regenerate',
      'Route to nurse',
      'Close without reply',
      'Claim',
      'Send feedback',
    ]) {
      expect(html).not.toContain(`>${name}</button>`);
    }
  });
});

describe('the reply box at once (issue 16)', () => {
  it('holds the draft before anyone started: revision 0, the draft id and its start mode, both approve buttons', () => {
    const html = renderMessagePage(input());
    expect(html).toContain('<input type="hidden" name="revision" value="0" id="reply-revision"/>');
    expect(html).toContain(`<input type="hidden" name="draftId" value="${draft().id}"/>`);
    expect(html).toContain('<input type="hidden" name="startMode" value="draft" id="reply-start-mode"/>');
    expect(html).toMatch(/<textarea id="reply-body"[^>]*>[^<]+<\/textarea>/);
    expect(html).toContain('>Approve and send</button>');
    expect(html).toMatch(/name="then" value="next" id="approve-next-button"[^>]*>Approve and next<\/button>/);
    expect(html).toContain('>Start blank instead</button>');
    expect(html).not.toContain('>Start with draft</button>');
  });

  it('is blank without a draft, with nothing to empty', () => {
    const html = renderMessagePage(input({}, { draft: null }));
    expect(html).toContain('<input type="hidden" name="startMode" value="blank" id="reply-start-mode"/>');
    expect(html).toContain('></textarea>');
    expect(html).not.toContain('Start blank instead');
  });

  it('keeps the saved view in the form and in the page links', () => {
    const html = renderMessagePage(input({ queue: 'urgent' }));
    expect(html).toContain('<input type="hidden" name="view" value="urgent"/>');
    expect(html).toContain('href="/inbox?view=urgent" id="back-link"');
    expect(html).toContain('/next?view=urgent" id="next-link"');
    expect(renderMessagePage(input())).not.toContain('name="view"');
  });

  it('lists Shift+A and Ctrl+Shift+Enter in the shortcut help', () => {
    const html = renderMessagePage(input());
    expect(html).toContain('<kbd>Shift+A</kbd>');
    expect(html).toContain('<kbd>Ctrl+Shift+Enter</kbd>');
  });
});

describe('a reply whose send failed', () => {
  const failedReply = {
    body: `Please come in tomorrow. ${HOSTILE}`,
    authorName: 'Sam Ortiz',
    approvedAt: new Date('2026-03-03T16:00:00Z'),
    sentAt: null,
    sendAttempts: 3,
    lastError: 'http_422',
    sendRound: 1,
  };

  it('shows the approved text, the reason in plain words, the attempts, Retry sending and Close', () => {
    const html = renderMessagePage(
      input({}, { message: message({ status: 'send_failed', version: 7 }), reply: failedReply }),
    );
    expect(html).toContain('Sending failed');
    expect(html).toContain('The patient portal refused the reply as invalid (HTTP 422)');
    expect(html).toContain('3 attempts to reach the portal');
    expect(html).toContain('<code>http_422</code>');
    expect(html).toContain('sending the same text again will probably fail again');
    expect(html).toContain('Please come in tomorrow. &lt;script>alert(1)&lt;/script>');
    expect(html).toContain('action="/inbox/messages/11111111-1111-4111-8111-111111111111/retry-send"');
    expect(html).toMatch(
      /id="retry-form"[^]*name="_csrf" value="tok&quot;en"[^]*name="expectedVersion" value="7"/,
    );
    expect(html).toContain('>Retry sending</button>');
    expect(html).toContain('>Close without reply</button>');
    expect(html).toContain('Reply approved, but sending failed: retry or close');
    // A reply was approved: nothing to start, edit or approve any more.
    for (const name of [
      'Start with draft',
      'Start blank',
      'Start blank instead',
      'Regenerate',
      'Approve and send',
      'Approve and next',
    ]) {
      expect(html).not.toContain(`>${name}</button>`);
    }
    expect(html).not.toContain('id="reply-body"');
  });

  it('offers no retry without messages.approve, and explains a retried timeout', () => {
    const html = renderMessagePage(
      input(
        { can: { edit: true, approve: false, close: true, changeUrgency: false, acknowledge: false } },
        {
          message: message({ status: 'send_failed' }),
          reply: { ...failedReply, sendAttempts: 1, lastError: 'timeout', sendRound: 2 },
        },
      ),
    );
    expect(html).not.toContain('>Retry sending</button>');
    expect(html).toContain('Someone who may approve replies can retry sending it.');
    expect(html).toContain('did not answer in time');
    expect(html).toContain('1 attempt to reach the portal, over 2 rounds');
    expect(html).not.toContain('will probably fail again');
  });

  it('says a reply closed after a failed send was never sent', () => {
    const html = renderMessagePage(
      input({}, { message: message({ status: 'closed', closed_at: new Date() }), reply: failedReply }),
    );
    expect(html).toContain('Never sent: sending it failed and the message was closed without it.');
    expect(html).not.toContain('>Retry sending</button>');
  });
});

describe('unreadable and normalised messages', () => {
  const rawResource = JSON.stringify({
    resourceType: 'Communication',
    id: 'c-77',
    payload: [{ contentString: `${HOSTILE}\u0000\u202Eevil` }],
  });

  it('shows the portal id prominently and the raw resource, escaped, as inert text in a details control', () => {
    const html = renderMessagePage(
      input(
        {},
        {
          message: message({
            portal_id: 'c-77',
            subject: null,
            body: '',
            flags: ['unreadable'],
            triage_reasons: ['urgent: the portal sent a message this system could not read (invalid shape)'],
            original_escaped: JSON.stringify(`${rawResource}\u202E<iframe src=x>`),
          }),
          draft: null,
          snapshot: null,
        },
      ),
    );
    expect(html).toContain('This message could not be read here');
    expect(html).toContain('Portal id <code id="unreadable-portal-id">c-77</code>');
    expect(html).toContain('Open it in the portal');
    expect(html).not.toContain('id="patient-text"');
    expect(html).toMatch(
      /<details class="original-escaped" id="original-escaped"><summary>Show what the portal sent \(escaped\)<\/summary>/,
    );
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('&lt;iframe src=x>');
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    // The stored escapes stay escapes; a real override character is shown, not obeyed.
    expect(html).toContain('\\u0000');
    expect(html).toContain('[RLO]');
    expect(html).not.toMatch(/<[a-z][^>]*\s(style|on[a-z]+)=/i);
    expect(html).toContain('The portal sent something this system could not read');
  });

  it('shows the message as stored and its escaped original for normalised text', () => {
    const html = renderMessagePage(
      input(
        {},
        {
          message: message({
            body: 'Dose \uFFFD question',
            flags: ['text_normalised'],
            original_escaped: JSON.stringify({ subject: 'Q', body: 'Dose \u0000 question' }),
          }),
        },
      ),
    );
    expect(html).toContain('id="patient-text"');
    expect(html).toContain('Show the original text (escaped)');
    expect(html).toContain('Dose \\u0000 question');
    expect(html).toContain('Some characters could not be stored as sent');
    expect(html).not.toContain('This message could not be read here');
  });

  it('shows no original when nothing was changed', () => {
    const html = renderMessagePage(input());
    expect(html).not.toContain('original-escaped');
    expect(html).not.toContain('unreadable-notice');
  });
});

describe('helpers', () => {
  it('explains the intake and sending flags in plain words', () => {
    for (const code of ['unreadable', 'text_normalised', 'long_message', 'body_shortened', 'send_failed']) {
      expect(explainMessageFlag(code).explanation).not.toMatch(/^Flag “/);
    }
    expect(explainMessageFlag('unreadable').explanation).toContain('portal');
    expect(explainMessageFlag('long_message').explanation).toContain('10,000');
  });

  it('explains every send error code, and names an unknown one', () => {
    expect(sendErrorText('http_500')).toContain('error of its own (HTTP 500)');
    expect(sendErrorText('http_503')).toContain('(HTTP 503)');
    expect(sendErrorText('http_418')).toContain('refused the reply (HTTP 418)');
    expect(sendErrorText('network')).toContain('could not be reached');
    expect(sendErrorText('invalid_response')).toContain('could not understand');
    expect(sendErrorText('job_failed')).toContain('stopped without finishing');
    expect(sendErrorText('something_new')).toBe('The send failed (something new).');
    expect(sendErrorText(null)).toBe('The reason was not recorded.');
    expect([
      isRefusal('http_422'),
      isRefusal('http_429'),
      isRefusal('http_500'),
      isRefusal('timeout'),
    ]).toEqual([true, false, false, false]);
  });

  it('explains flags in plain words and keeps their detail apart', () => {
    expect(explainDraftFlag('promised_action: refill sent')).toEqual({
      code: 'promised_action',
      explanation: expect.stringContaining('Nothing has been done yet'),
      detail: 'refill sent',
    });
    expect(explainDraftFlag('new_code').explanation).toBe('Flag “new code”.');
  });

  it('formats durations and ages', () => {
    expect(duration(0, 45 * 60_000)).toBe('45 min');
    expect(duration(0, 49 * 3_600_000)).toBe('2 d 1 h');
    expect(ageYears('2000-06-01', new Date('2026-05-31T12:00:00Z'), 'UTC')).toBe(25);
    expect(ageYears('not a date', new Date(), 'UTC')).toBeUndefined();
  });

  it('reads the clinic’s regenerate instructions and refuses a broken file', () => {
    const text = fs.readFileSync(path.join(DEFAULT_PROMPTS_DIR, 'regenerate-instructions.md'), 'utf8');
    const parsed = parseRegenerateInstructions(text);
    expect(Object.keys(parsed).sort()).toEqual(['english', 'shorter', 'simpler', 'spanish']);
    expect(() => parseRegenerateInstructions('## shorter\nx\n')).toThrow(/simpler/);
    expect(() =>
      parseRegenerateInstructions('## shorter\n{{x}}\n## simpler\na\n## spanish\nb\n## english\nc\n'),
    ).toThrow(/curly/);
  });

  it('appends the instruction to the system prompt and tightens the word limit for "shorter"', () => {
    const prompts = loadPrompts(DEFAULT_PROMPTS_DIR);
    const wording = { shorter: 'SHORTER', simpler: 'SIMPLER', spanish: 'ES', english: 'EN' };
    const shorter = promptsWithInstruction(prompts, 'shorter', wording);
    expect(shorter.system).toContain('SHORTER');
    expect(shorter.voice.max_words).toBeLessThan(prompts.voice.max_words);
    expect(shorter.version).toBe(`${prompts.version}+shorter`);
    expect(promptsWithInstruction(prompts, undefined, wording)).toBe(prompts);
  });
});
