import type { Api, MiddlewareFn } from 'grammy';
import type { BotConfig } from '../config.ts';
import type { BotContext, Role } from './context.ts';

/** Membership of the staff chat is asked of Telegram at most this often per person. */
const MEMBERSHIP_TTL_MS = 10 * 60_000;
/** People refused are remembered (in memory only) so each gets one refusal; the oldest are forgotten first. */
const REFUSED_MEMORY = 10_000;
const MEMBER_STATUSES = new Set(['creator', 'administrator', 'member']);

/**
 * Resolves the sender's roles from the allowlists and the staff chat; anyone without one gets a single
 * polite refusal and nothing else: no handler after this runs for them, so nothing they wrote is stored.
 */
export function createAccess(
  access: BotConfig['access'],
  now: () => number = Date.now,
): MiddlewareFn<BotContext> {
  const memberships = new Map<number, { member: boolean; until: number }>();
  const refused = new Set<number>();

  async function isStaffChatMember(api: Api, userId: number): Promise<boolean> {
    if (access.staffChatId === undefined) return false;
    const cached = memberships.get(userId);
    if (cached && cached.until > now()) return cached.member;
    const member = await api.getChatMember(access.staffChatId, userId).then(
      (m) => MEMBER_STATUSES.has(m.status) || (m.status === 'restricted' && m.is_member),
      () => false, // not found, or the bot is not in that chat: not a member
    );
    memberships.set(userId, { member, until: now() + MEMBERSHIP_TTL_MS });
    return member;
  }

  async function rolesOf(api: Api, userId: number): Promise<Set<Role>> {
    const roles = new Set<Role>();
    if (access.maintainers.includes(userId)) roles.add('maintainer');
    if (access.coordinators.includes(userId)) roles.add('coordinator');
    if (roles.size > 0 || access.staff.includes(userId) || (await isStaffChatMember(api, userId))) {
      roles.add('staff');
    }
    return roles;
  }

  return async (ctx, next) => {
    const userId = ctx.from?.id;
    // Updates without a person (channel posts, chat member changes) are not questions.
    if (userId === undefined || ctx.from?.is_bot) return;
    ctx.roles = await rolesOf(ctx.api, userId);
    if (ctx.roles.size > 0) return next();
    // Only a refusal actually given is remembered: a group message gets none, and must not use up the one
    // a later private message would get.
    const canRefuse = ctx.callbackQuery !== undefined || ctx.chat?.type === 'private';
    if (!canRefuse) return;
    if (refused.has(userId)) {
      // A pressed button spins until answered; the answer is empty, the refusal is not repeated.
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      return;
    }
    if (refused.size >= REFUSED_MEMORY) refused.delete(refused.values().next().value as number);
    refused.add(userId);
    ctx.deps.log.info({ userId, update: ctx.update.update_id }, 'access refused');
    await ctx.deps.audit({ actor: userId, action: 'access_refused', subject: `user:${userId}` });
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('refused'), show_alert: true });
    else if (ctx.chat?.type === 'private') await ctx.reply(ctx.t('refused'));
  };
}
