import { h } from '../core/dom';
import { num, t } from '../core/i18n';
import type { PageContext, PageDef } from '../core/page';
import { card, field, problemBox, table } from '../core/ui';

interface Checkpoint {
  readonly size: number;
  readonly position: string;
  readonly rootHash: string;
  readonly signedAt: string;
  readonly note: string;
  readonly publicKey: string;
  readonly verifierKey?: string;
  readonly origin?: string;
}

interface Verification {
  readonly ok: boolean;
  readonly checked: number;
  readonly firstBadIndex?: number;
  readonly reason?: string;
  readonly checkpointsVerified?: number;
}

interface LoggedEvent {
  readonly index: number;
  readonly position: string;
  readonly stream: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly hash: string;
}

interface Inclusion {
  readonly index: number;
  readonly size: number;
  readonly leafHash: string;
  readonly hashes: readonly string[];
}

/** A Node.js script (no dependency) that recomputes the root from the proof, as RFC 6962 defines it. */
export function checkItYourself(proof: Inclusion, rootHash: string): string {
  return [
    '// node check-inclusion.js — RFC 6962 §2.1.1: recompute the root from the leaf hash and the proof',
    "const { createHash } = require('node:crypto');",
    `const index = ${proof.index}, size = ${proof.size};`,
    `const leafHash = '${proof.leafHash}';`,
    `const proof = ${JSON.stringify(proof.hashes, null, 2)};`,
    `const expectedRoot = '${rootHash}';`,
    "const node = (l, r) => createHash('sha256').update(Buffer.concat([Buffer.from([1]), Buffer.from(l, 'hex'), Buffer.from(r, 'hex')])).digest('hex');",
    'let fn = index, sn = size - 1, r = leafHash;',
    'for (const p of proof) {',
    '  if (sn === 0) throw new Error("proof too long");',
    '  if (fn % 2 === 1 || fn === sn) {',
    '    r = node(p, r);',
    '    if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn >>= 1; sn >>= 1; }',
    '  } else r = node(r, p);',
    '  fn >>= 1; sn >>= 1;',
    '}',
    "console.log(sn === 0 && r === expectedRoot ? 'OK: the event is in the signed tree' : 'MISMATCH');",
  ].join('\n');
}

/** 审计: the latest signed checkpoint and its key, the verification, and an event's inclusion proof. */
async function render(ctx: PageContext): Promise<Node> {
  const checkpoint = await ctx.api.get<Checkpoint>('/audit/checkpoint');
  const verifyArea = h('div', { id: 'audit-verify-body', 'aria-live': 'polite' });
  const runVerify = async () => {
    verifyArea.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('audit.verifying')));
    try {
      const v = await ctx.api.get<Verification>('/audit/verify');
      verifyArea.replaceChildren(
        v.ok
          ? h(
              'p',
              { class: 'ok' },
              t('audit.verified', { checked: num(v.checked), checkpoints: v.checkpointsVerified ?? 0 }),
            )
          : h('p', { class: 'overdue' }, t('audit.failed', { index: v.firstBadIndex ?? '?', reason: v.reason ?? '' })),
      );
    } catch (error) {
      verifyArea.replaceChildren(problemBox(error));
    }
  };
  void runVerify();

  const indexInput = h('input', {
    type: 'number',
    min: '0',
    max: String(Math.max(0, checkpoint.size - 1)),
    value: '0',
    inputmode: 'numeric',
  });
  const proofArea = h('div', { id: 'audit-proof-body', 'aria-live': 'polite' });
  const form = h(
    'form',
    {
      class: 'toolbar',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        proofArea.replaceChildren();
        try {
          const [proof, logged] = await Promise.all([
            ctx.api.get<Inclusion>('/audit/proofs/inclusion', { index: indexInput.value, size: checkpoint.size }),
            // The raw log line of that leaf (NDJSON of one event): what the proof is about. Its data is not shown.
            ctx.api.get<LoggedEvent>('/audit/events', { fromIndex: indexInput.value, limit: 1 }),
          ]);
          const matches = logged.hash === proof.leafHash;
          proofArea.append(
            h(
              'p',
              { id: 'audit-event', class: matches ? 'ok' : 'overdue' },
              t(matches ? 'audit.eventMatches' : 'audit.eventDiffers', {
                type: logged.type,
                stream: logged.stream,
                position: logged.position,
                at: logged.recordedAt,
              }),
            ),
            table(
              null,
              [t('audit.field'), t('audit.value')],
              [
                [t('audit.index'), String(proof.index)],
                [t('audit.size'), String(proof.size)],
                [t('audit.leafHash'), h('code', { class: 'hash' }, proof.leafHash)],
                [
                  t('audit.path'),
                  h(
                    'ol',
                    { class: 'hashes' },
                    ...proof.hashes.map((x) => h('li', null, h('code', { class: 'hash' }, x))),
                  ),
                ],
              ],
            ),
            h('h3', null, t('audit.yourself')),
            h('p', { class: 'hint' }, t('audit.yourselfHint')),
            h(
              'pre',
              { class: 'snippet', id: 'audit-snippet', tabindex: '0' },
              checkItYourself(proof, checkpoint.rootHash),
            ),
          );
        } catch (error) {
          proofArea.replaceChildren(problemBox(error));
        }
      },
    },
    field(
      { name: 'index', label: t('audit.eventIndex'), hint: t('audit.indexHint', { max: checkpoint.size - 1 }) },
      indexInput,
    ),
    h('button', { type: 'submit' }, t('audit.prove')),
  );
  return h(
    'div',
    { class: 'page audit' },
    h('h1', { tabindex: '-1' }, t('audit.title')),
    card(
      t('audit.checkpoint'),
      'audit-checkpoint',
      table(
        null,
        [t('audit.field'), t('audit.value')],
        [
          [t('audit.size'), num(checkpoint.size)],
          [t('audit.position'), checkpoint.position],
          [t('audit.root'), h('code', { class: 'hash' }, checkpoint.rootHash)],
          [t('audit.signedAt'), checkpoint.signedAt],
          [t('audit.publicKey'), h('code', { class: 'hash' }, checkpoint.publicKey)],
          ...(checkpoint.verifierKey
            ? [[t('audit.verifierKey'), h('code', { class: 'hash' }, checkpoint.verifierKey)]]
            : []),
        ],
      ),
      h('h3', null, t('audit.note')),
      h('pre', { class: 'snippet', id: 'audit-note', tabindex: '0' }, checkpoint.note),
    ),
    card(
      t('audit.verification'),
      'audit-verify',
      verifyArea,
      h('button', { type: 'button', onclick: () => void runVerify() }, t('audit.verifyAgain')),
    ),
    card(t('audit.inclusion'), 'audit-inclusion', form, proofArea),
  );
}

export const auditPage: PageDef = {
  path: '/audit',
  nav: 'nav.audit',
  roles: ['auditor'],
  render,
};
