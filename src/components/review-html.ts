/**
 * The long lists of a review page (its logs, plans and learnings) as HTML
 * strings. Astro renders every element of a template on its own; at ten
 * years of logs the 642 review pages' lists, a few hundred items a month,
 * took a large part of their build time, and a string is built at once. The
 * text is escaped here; the markup is what ReviewBody.astro would write.
 */
import { formatDate, formatMinutes, href } from '../site/format.ts';
import type { Review, ReviewDetails, ReviewPlan } from '../stats/index.ts';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value, escaped for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character]!);
}

const shortDate = (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;

/** Each log of the period: its day and title, linked, and the day's study time. */
export function logsHtml(daily: ReviewDetails['daily']): string {
  let html = '';
  for (const day of daily) {
    for (const log of day.logs) {
      const text = `${formatDate(day.date)}${log.title ? ` ${log.title}` : ''}`;
      html += `<li><a href="${escapeHtml(href(`/logs/${log.slug}/`))}">${escapeHtml(text)}</a> <span class="${day.approximate ? 'approx' : 'muted'}">${escapeHtml(formatMinutes(day.minutes, day.approximate))}</span></li>`;
    }
  }
  return html;
}

/** Each plan: its text linking to the log it was first written in, when written, due, done or dropped. */
export function plansHtml(plans: readonly ReviewPlan[]): string {
  let html = '';
  for (const plan of plans) {
    const when = `${shortDate(plan.plannedOn)}${plan.due ? ` → 期限 ${shortDate(plan.due)}` : ''}${plan.doneOn ? `・完了 ${shortDate(plan.doneOn)}` : ''}${plan.droppedOn ? `・中止 ${shortDate(plan.droppedOn)}` : ''}`;
    html += `<li><a href="${escapeHtml(href(`/logs/${plan.slug}/`))}">${escapeHtml(plan.text)}</a> <span class="muted">${when}</span></li>`;
  }
  return html;
}

/** Each learning, linking to its line in its log, with the day written. */
export function learningsHtml(learnings: Review['learnings']): string {
  let html = '';
  for (const learning of learnings) {
    html += `<li><a href="${escapeHtml(href(`/logs/${learning.slug}/#L${learning.line}`))}">${escapeHtml(learning.text)}</a> <span class="muted">${shortDate(learning.date)}</span></li>`;
  }
  return html;
}
