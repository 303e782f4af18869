import { Writable } from 'node:stream';
import pino from 'pino';
import { LOG_REDACT_PATHS, redactForLog } from '../../../src/privacy';

describe('redactForLog', () => {
  it('replaces identifiers by their type and keeps the rest', () => {
    expect(redactForLog('Parse failed for "Call Dr. Patel at 555-123-4567, DOB 3/14/1980"')).toBe(
      'Parse failed for "Call Dr. [PERSON] at [PHONE], DOB [DOB]"',
    );
  });

  it('cuts very long text and survives non-strings', () => {
    const out = redactForLog('word '.repeat(5000));
    expect(out.length).toBeLessThan(2100);
    expect(out).toMatch(/truncated/);
    expect(redactForLog(undefined as unknown as string)).toBe('[unloggable undefined]');
  });
});

describe('LOG_REDACT_PATHS', () => {
  it('makes pino censor patient text and identifiers', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ redact: { paths: LOG_REDACT_PATHS, censor: '[REDACTED]' } }, sink);
    logger.info(
      {
        messageId: 'm-1',
        message: { body: 'my chest hurts', subject: 'help' },
        draft: { body: 'Dear Maria' },
        patient: { name: 'Maria Lopez' },
        job: { data: { text: 'secret' } },
        text: 'free text',
      },
      'drafted',
    );
    const line = lines.join('');
    for (const secret of ['chest hurts', 'help', 'Dear Maria', 'Maria Lopez', 'secret', 'free text']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('m-1');
  });
});
