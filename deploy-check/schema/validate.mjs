// Schema check of rendered manifests, in the manner of kubeconform: every document is validated against the JSON
// schema of its apiVersion and kind, taken from the Kubernetes OpenAPI specification (kubernetes-models) and from
// the Prometheus Operator's CRDs (@kubernetes-models/prometheus-operator), compiled with ajv. These schemas enforce
// required fields, types, enums and formats (quantities, int32); they allow unknown fields, which deploy-check's
// strict parser refuses, so the two checks together are kubeconform's -strict.
//
//   node deploy-check/schema/validate.mjs RENDER.yaml...
//
// Exit status 0 when every document is valid, 1 otherwise. A kind with no schema here fails, except those listed in
// WITHOUT_SCHEMA (checked by deploy-check's strict parser alone). Before the renders, a known-bad Deployment must be
// refused, so that a check which accepts everything cannot pass.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const MODULES = {
  v1: "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "policy/v1": "kubernetes-models/policy/v1",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};
// KServe publishes no JSON schema package; its predictor is checked as a PodSpec by deploy-check.
const WITHOUT_SCHEMA = new Set(["serving.kserve.io/v1beta1/InferenceService"]);

async function model(apiVersion, kind) {
  const path = MODULES[apiVersion];
  if (!path) return undefined;
  return (await import(path))[kind];
}

async function problemsOf(doc) {
  const id = `${doc.apiVersion}/${doc.kind}`;
  if (WITHOUT_SCHEMA.has(id)) return [];
  const Model = await model(doc.apiVersion, doc.kind);
  if (!Model) return [`no schema for ${id}`];
  try {
    new Model(doc).validate();
    return [];
  } catch (e) {
    return String(e.message).split(", ").map((line) => line.replace(/^data/, ""));
  }
}

const bad = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "t" },
  spec: { template: { spec: { containers: [{ name: "c", image: "x", ports: [{ containerPort: 8080, protocol: "TCPX" }] }] } } },
};
const refused = await problemsOf(bad);
let failed = 0;
if (!refused.some((p) => p.includes("selector")) || !refused.some((p) => p.includes("protocol"))) {
  console.log(`FAIL schema self-test: a Deployment without a selector and with protocol TCPX was not refused (${refused.join("; ")})`);
  failed++;
} else {
  console.log("PASS schema self-test: a Deployment without a selector and with an unknown protocol is refused");
}

for (const file of process.argv.slice(2)) {
  const problems = [];
  let count = 0;
  for (const [index, document] of parseAllDocuments(readFileSync(file, "utf8")).entries()) {
    const doc = document.toJS();
    if (!doc) continue;
    count++;
    for (const p of await problemsOf(doc)) problems.push(`document ${index + 1} (${doc.kind} ${doc.metadata?.name}): ${p}`);
  }
  const name = file.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
  console.log(`${problems.length ? "FAIL" : "PASS"} ${name.padEnd(24)} ${String(count).padStart(2)} documents valid against their schemas`);
  for (const p of problems) console.log(`     - ${p}`);
  failed += problems.length;
}
process.exit(failed ? 1 : 0);
