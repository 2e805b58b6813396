import type { MailMessage } from "../ports/mailer.ts";

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

/** A link into the web app: `${publicUrl}/<path>?<params>`. */
export function appLink(publicUrl: string, path: string, params: Record<string, string>): string {
  const url = new URL(path, publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

function layout(title: string, paragraphs: string[], link: { url: string; label: string }, footer: string): string {
  return [
    `<!doctype html><html><body style="font-family:sans-serif;max-width:560px;margin:auto">`,
    `<h2>${escapeHtml(title)}</h2>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:10px 16px;background:#1a56db;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(link.label)}</a></p>`,
    `<p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>`,
    `</body></html>`,
  ].join("\n");
}

/** The email inviting a provisioned or invited user to set a password. */
export function activationEmail(input: {
  to: string;
  fullName: string;
  workspaceName: string;
  link: string;
  expiresAt: Date;
}): MailMessage {
  const greeting = input.fullName ? `Hello ${input.fullName},` : "Hello,";
  const body = `An account was created for you in the workspace "${input.workspaceName}". Set your password to activate it.`;
  const footer = `This link works once and expires on ${input.expiresAt.toISOString()}. If you did not expect this email, ignore it.`;
  return {
    to: [input.to],
    subject: `Activate your account for ${input.workspaceName}`,
    text: `${greeting}\n\n${body}\n\n${input.link}\n\n${footer}\n`,
    html: layout("Activate your account", [greeting, body], { url: input.link, label: "Set my password" }, footer),
  };
}

/** The email with a password reset link. */
export function passwordResetEmail(input: { to: string; fullName: string; link: string; expiresAt: Date }): MailMessage {
  const greeting = input.fullName ? `Hello ${input.fullName},` : "Hello,";
  const body = "Someone asked to reset the password of your account. Choose a new password with this link:";
  const footer = `This link works once and expires on ${input.expiresAt.toISOString()}. If you did not ask for it, ignore this email: your password stays the same.`;
  return {
    to: [input.to],
    subject: "Reset your password",
    text: `${greeting}\n\n${body}\n\n${input.link}\n\n${footer}\n`,
    html: layout("Reset your password", [greeting, body], { url: input.link, label: "Choose a new password" }, footer),
  };
}
