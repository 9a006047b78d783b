import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a as p,b as y,c as w,d as v,e as j}from"./chunk-THYHFH5H.js";import{g as h,h as c,i as a,j as m,m as g}from"./chunk-BK6YDNBG.js";function D(e,t){let r=e.agents.some(s=>s.diff?.breaking===!0),i=r?t.allowBreaking?"input":t.breakingLabel!==""&&t.labels.includes(t.breakingLabel)?"label":null:null,n=e.agents.map(s=>s.diff?.breaking&&i!==null?{...s,breakingAllowed:!0}:s);return{plan:{...e,agents:n},gate:{breaking:r,allowedBy:i,blocked:r&&i===null}}}var A=`| metric | type | value | empty | low confidence | distribution |
|---|---|--:|--:|--:|---|`;function T(e,t){if(e.calls===0)return"";let r=o=>a(o),i=e.metrics.map(o=>{let l=w(o,r).replace(/\|/g,"\\|");return`| ${a(o.identifier,{inTable:!0})} | ${o.type} | ${p(o.withValue,o.analysed)} | ${p(o.empty,o.analysed)} | ${p(o.lowConfidence,o.withValue)} | ${l} |`}),n=`\u{1F4C8} ${g(e.agentId)}${t?` \xB7 ${g(t)}`:""} \u2014 ${v(e)}`,s=[j(e),"Aggregates only: no transcript, phone number or free-text value is read into this comment."].filter(Boolean).join(" ");return`<details><summary>${n}</summary>

${A}
${i.join(`
`)}

<sub>${c(s)}</sub>

</details>`}function b(e,t){let r=t?y(e,t):[],i=n=>n.split("`").map((s,o)=>o%2===1?a(s):c(s)).join("");return r.length>0?`\u{1F4C8} ${r.map(i).join("; ")}`:void 0}function $(e,t){let r=e.filter(n=>n.insightsWarning).map(n=>`\u26A0\uFE0F ${a(n.agentId)}: ${c(n.insightsWarning??"")} The plan itself is complete.`),i=e.filter(n=>t==="all"||n.status==="changed").flatMap(n=>n.insights?[T(n.insights,n.file)]:[]).filter(n=>n!=="");return r.length===0&&i.length===0?"":["#### \u{1F4C8} What the live metrics produced on recent calls",...r,...i].join(`

`)}function x(e,t=500){if(e.length===0)return"";let r=e.slice(0,t).map(n=>`| ${n.severity==="error"?"\u274C error":"\u26A0\uFE0F warning"} | ${a(`${n.file}:${n.line}:${n.column}`,{inTable:!0})} | ${m(n.message,{inTable:!0})} | ${a(n.rule,{inTable:!0})} |`),i=e.length>t?`

\u2026and ${e.length-t} more.`:"";return`| | where | problem | rule |
|---|---|---|---|
${r.join(`
`)}${i}
`}import{createRequire as M}from"node:module";var H=()=>M(import.meta.url)("node:zlib");function k(e){return`<!-- atoms-metrics:plan workflow=${encodeURIComponent(e.workflow)} job=${encodeURIComponent(e.job)} -->`}function P(e){return`<!-- atoms-metrics:header ${H().deflateRawSync(JSON.stringify(e)).toString("base64url")} -->`}function I(e){let t=e.diff?.metrics??[];return{added:t.filter(r=>r.kind==="added").length,changed:t.filter(r=>r.kind==="changed"||r.kind==="renamed").length+(e.diff?.flags.length??0),removed:t.filter(r=>r.kind==="removed").length,breaking:t.filter(r=>r.breaking.length>0).length}}function S(e){switch(e.status){case"unchanged":return"no changes";case"skipped":return"live diff skipped";case"error":return"\u274C could not read live";case"changed":return e.diff?.breaking?e.breakingAllowed?"\u26A0\uFE0F breaking (allowed)":"\u26D4 breaking":"\u270F\uFE0F changes"}}function R(e){let t=I(e),r=e.status==="changed";return`| ${a(e.agentId,{inTable:!0})} | ${a(e.file,{inTable:!0})} | ${S(e)} | ${r?t.added:"\u2013"} | ${r?t.changed:"\u2013"} | ${r?t.removed:"\u2013"} | ${r?t.breaking:"\u2013"} | ${e.liveVersionId?`${a(e.liveVersionId,{inTable:!0})}${e.liveLabel?` (${c(e.liveLabel.replace(/ \([a-f0-9]{24}\)/,"")).replace(/\|/g,"\\|")})`:""}`:"\u2013"} |`}var B=`| agent | file | status | added | changed | removed | breaking | live version |
|---|---|---|--:|--:|--:|--:|---|`;function V(e,t,r){let i=a(e.identifier),n=[],s=e.after??e.before,o=s?` (${c(s.dispositionMetricType)}${s.choices?`: ${s.choices.map(d=>a(d)).join(", ")}`:""})`:"";e.kind==="added"&&n.push(`- \u2795 ${i}${o}${t===1&&s?` \u2014 ${c(s.dispositionMetricPrompt)}`:""}`),e.kind==="removed"&&n.push(`- \u2796 ${i}${o}`),e.kind==="renamed"&&n.push(`- \u{1F500} ${a(e.previousIdentifier??"")} \u2192 ${i} (likely rename: same prompt)`),e.kind==="changed"&&n.push(`- \u270F\uFE0F ${i}`);for(let d of e.fields){if(d.field==="type"&&n.push(`  - type: ${c(d.before)} \u2192 **${c(d.after)}**`),d.field==="choices"){let u=[d.added.length>0?`added ${d.added.map(f=>a(f)).join(", ")}`:"",d.removed.length>0?`removed ${d.removed.map(f=>a(f)).join(", ")}`:"",d.reordered?"reordered":""].filter(Boolean);n.push(`  - choices: ${u.join("; ")}`)}if(d.field==="prompt")if(t===1){let u=d.parts.map(f=>f.op==="equal"?c(f.text):f.op==="removed"?`~~${c(f.text).trim()}~~ `:`**${c(f.text).trim()}** `).join("");n.push(`  - prompt: ${u}`)}else n.push("  - prompt changed")}for(let d of e.breaking)n.push(`  - \u26A0\uFE0F **breaking:** ${m(d)}`);let l=b(e,r.insights);return l&&n.push(`  - ${l}`),n}function L(e,t){let r=I(e),i=`${g(e.agentId)} \xB7 ${g(e.file)}`;if(e.status!=="changed"||!e.diff){let l=e.status==="unchanged"?"no changes":e.status==="skipped"?`live diff skipped${e.message?`: ${c(e.message)}`:""}`:`could not read the live version: ${c(e.message??"unknown error")}`;return`**${i}** \u2014 ${l}`}let n=e.diff,s=[];if(t<=2){for(let l of n.metrics)s.push(...V(l,t,e));for(let l of n.flags)s.push(`- \u2699\uFE0F ${a(l.flag)}: ${a(JSON.stringify(h(l.before)))} \u2192 ${a(JSON.stringify(h(l.after)))}`);n.orderChanged&&s.push("- \u2195\uFE0F metric order changes")}else{s.push(`${r.added} added, ${r.changed} changed, ${r.removed} removed.`);for(let l of n.metrics){for(let u of l.breaking)s.push(`- \u26A0\uFE0F **breaking:** ${m(u)}`);let d=l.breaking.length>0?b(l,e.insights):void 0;d&&s.push(`  - ${d}`)}}return`<details${n.breaking?" open":""}><summary>${i} \u2014 ${r.added} added, ${r.changed} changed, ${r.removed} removed${n.breaking?", \u26A0\uFE0F breaking":""}</summary>

${s.join(`
`)}

</details>`}function O(e,t){let r=e.diagnostics.filter(s=>s.severity==="error").length,i=[];r>0&&i.push(`\u274C **${r} validation error${r===1?"":"s"}** \u2014 fix them before merging.`),t.gate.blocked?i.push(`\u26D4 **Breaking changes block this pull request.** Add the label ${a(t.breakingLabel)} or set \`allow-breaking: true\` to allow them.`):t.gate.breaking&&i.push(`\u26A0\uFE0F Breaking changes are allowed by ${t.gate.allowedBy==="label"?`the label ${a(t.breakingLabel)}`:"the `allow-breaking` input"}.`);let n=e.agents.filter(s=>s.status==="changed").length;return r===0&&n===0&&e.agents.every(s=>s.status==="unchanged")?i.push("\u2705 **No changes.** Live metrics already match the files."):n>0&&i.push(`Merging will publish new metrics and make them live for ${n} agent${n===1?"":"s"}.`),e.liveSkippedReason&&i.push(`\u2139\uFE0F ${c(e.liveSkippedReason)}`),i.join(`

`)}function C(e,t,r,i=1/0){let n=[k(t.scope),P(t.header),"### \u{1F4CA} Post-call metrics plan",O(e,t)];if(e.agents.length>0){let o=e.agents.slice(0,i).map(R),l=e.agents.length>i?`

\u2026and ${e.agents.length-i} more agent${e.agents.length-i===1?"":"s"}.`:"";n.push(`${B}
${o.join(`
`)}${l}`)}r<=3&&n.push(...e.agents.filter(o=>o.status!=="unchanged").map(o=>L(o,r)));let s=r<=2?$(e.agents,r===1?"all":"changed"):r===3?$(e.agents.map(o=>({...o,insights:void 0})),"changed"):"";return s!==""&&n.push(s),e.diagnostics.length>0&&n.push(r<=3?`#### Validation

${x(e.diagnostics,r===1?200:50)}`:`#### Validation

${e.diagnostics.length} problem(s); see the annotations.`),r>1&&n.push(`_This comment is shortened to fit GitHub's size limit.${t.summaryUrl?` The full plan is in the [job summary](${t.summaryUrl}).`:" The full plan is in the job summary."}_`),n.push(`<sub>atoms-metrics ${c(t.actionVersion)} \xB7 compared with each agent's live config \xB7 nothing was written to Atoms</sub>`),`${n.join(`

`)}
`}function ee(e,t){let r=t.measure??(n=>n.length);for(let n of[1,2,3]){let s=C(e,t,n);if(r(s)<=t.maxChars)return s}let i=e.agents.length;for(;;){let n=C(e,t,4,i);if(r(n)<=t.maxChars)return n;if(i===0)return`${k(t.scope)}

### \u{1F4CA} Post-call metrics plan

The plan is too large for a comment; see the job summary.
`.slice(0,t.maxChars);i=Math.floor(i*Math.min(.9,t.maxChars/r(n)))}}function re(e,t){return{v:1,actionVersion:t,agents:e.agents.map(r=>({agentId:r.agentId,liveVersionId:r.liveVersionId,desiredHash:r.desiredHash}))}}export{D as a,ee as b,re as c};
