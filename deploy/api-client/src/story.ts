// The README's story told through clients generated from the OpenAPI documents the services serve: a rep adds a
// client and corrects them with a merge patch, logs the client's email awaiting a reply and a promise made to them, asks for a survey that the client
// answers through the public link, and finds each of them on the agenda. It stops with an error at the first answer
// that is not what the story expects.
//
//   RAPPORT_REP=alice RAPPORT_TOKEN=$(../local/rapport token alice rep) npm run story
import createClient from "openapi-fetch";
import type { paths as ContactsApi } from "./generated/contacts.js";
import type { paths as FeedbackApi } from "./generated/feedback.js";
import type { paths as InteractionsApi } from "./generated/interactions.js";
import type { paths as SchedulerApi } from "./generated/scheduler.js";

const rep = setting("RAPPORT_REP");
const headers = { Authorization: `Bearer ${setting("RAPPORT_TOKEN")}` };
const contacts = createClient<ContactsApi>({ baseUrl: service("CONTACTS", 8081), headers });
const interactions = createClient<InteractionsApi>({ baseUrl: service("INTERACTIONS", 8082), headers });
const feedback = createClient<FeedbackApi>({ baseUrl: service("FEEDBACK", 8083), headers });
const survey = createClient<FeedbackApi>({ baseUrl: service("FEEDBACK", 8083) }); // the client has no token
const scheduler = createClient<SchedulerApi>({ baseUrl: service("SCHEDULER", 8084), headers });

const day = 24 * 60 * 60 * 1000;
const created = await contacts.POST("/api/v1/contacts", {
  body: {
    firstName: "Ada", lastName: "Lovelace", title: "Analyst", checkInCadenceDays: 21,
    emails: [{ address: `ada-${Date.now()}@example.com`, type: "WORK", primary: true }],
  },
});
const contact = answer(created, "add a contact");
const contactId = present(contact.id, "the contact's id");
// a merge patch of the version just read: a member set, another removed with null
const patched = answer(await contacts.PATCH("/api/v1/contacts/{id}", {
  params: {
    path: { id: contactId },
    header: { "If-Match": present(created.response.headers.get("ETag"), "the contact's ETag") },
  },
  headers: { "Content-Type": "application/merge-patch+json" },
  body: { timezone: "Europe/London", title: null },
}), "move the contact to London");
if (patched.timezone !== "Europe/London" || patched.title !== null) {
  throw new Error(`the patched contact has timezone ${patched.timezone} and title ${patched.title}`);
}
answer(await interactions.POST("/api/v1/interactions", {
  body: {
    contactId, type: "EMAIL", direction: "INBOUND", occurredAt: new Date(Date.now() - 5 * day).toISOString(),
    subject: "Invoice question", requiresResponse: true,
  },
}), "log the client's email");
answer(await interactions.POST("/api/v1/commitments", {
  body: { contactId, description: "Send the corrected invoice", dueAt: new Date(Date.now() + day).toISOString() },
}), "record a promise");
const request = answer(await feedback.POST("/api/v1/surveys", { body: { contactId, kind: "NPS" } }), "ask for a survey");
const response = await survey.POST("/api/v1/public/surveys/{token}/response", {
  params: { path: { token: present(request.token, "the survey's token") } },
  body: { npsScore: 3, comment: "Slow answers" },
});
if (!response.response.ok) {
  throw new Error(`answer the survey: ${response.response.status} ${JSON.stringify(response.error)}`);
}

// the scheduler raises the tasks from the events, a moment later
const expected = ["RESPOND", "COMMITMENT_DUE", "RECOVERY", "CHECK_IN"];
let kinds: string[] = [];
for (let attempt = 0; attempt < 120 && !expected.every((kind) => kinds.includes(kind)); attempt++) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const agenda = answer(await scheduler.GET("/api/v1/owners/{ownerId}/agenda", {
    params: { path: { ownerId: rep }, query: { days: 31 } },
  }), "read the agenda");
  kinds = [...(agenda.overdue ?? []), ...(agenda.today ?? []), ...(agenda.upcoming ?? [])]
    .filter((task) => task.contactId === contactId)
    .map((task) => String(task.kind));
}
if (!expected.every((kind) => kinds.includes(kind))) {
  throw new Error(`the agenda shows ${JSON.stringify(kinds)} for the contact, not ${JSON.stringify(expected)}`);
}
console.log(`story told: contact ${contactId} is on ${rep}'s agenda with ${kinds.join(", ")}`);

/** The data of a successful answer; an error naming the step and the problem otherwise. */
function answer<T>(result: { data?: T; error?: unknown; response: Response }, step: string): T {
  if (result.data === undefined) {
    throw new Error(`${step}: ${result.response.status} ${JSON.stringify(result.error)}`);
  }
  return result.data;
}

function present<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) {
    throw new Error(`${what} is missing`);
  }
  return value;
}

function setting(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

function service(name: string, port: number): string {
  return process.env[`RAPPORT_${name}_URL`] ?? `http://localhost:${port}`;
}
