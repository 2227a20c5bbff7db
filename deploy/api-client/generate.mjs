// Generates src/generated/<service>.ts, the types of each service's API, from the OpenAPI document the running
// service serves (openapi-typescript). The base URLs come from RAPPORT_<SERVICE>_URL, the local stack's by default.
import { mkdir, writeFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";

const services = {
  contacts: process.env.RAPPORT_CONTACTS_URL ?? "http://localhost:8081",
  interactions: process.env.RAPPORT_INTERACTIONS_URL ?? "http://localhost:8082",
  feedback: process.env.RAPPORT_FEEDBACK_URL ?? "http://localhost:8083",
  scheduler: process.env.RAPPORT_SCHEDULER_URL ?? "http://localhost:8084",
};

await mkdir(new URL("./src/generated/", import.meta.url), { recursive: true });
for (const [service, base] of Object.entries(services)) {
  const document = new URL("/q/openapi?format=json", base);
  const types = astToString(await openapiTS(document));
  await writeFile(new URL(`./src/generated/${service}.ts`, import.meta.url), types);
  console.log(`${service}: types generated from ${document}`);
}
