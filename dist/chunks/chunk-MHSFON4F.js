import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
var f="https://api.smallest.ai/atoms/v1",h="metrics/**/*.{json,yaml,yml}";var s=class extends Error{name="UsageError"};var i={maxRequestsPerSecond:8,concurrency:8},m={maxRequestsPerSecond:"ATOMS_MAX_REQUESTS_PER_SECOND",concurrency:"ATOMS_CONCURRENCY"};function c(e,t,n,r){let d=n[t]||void 0,o=e??d;if(o===void 0)return r.fallback;let u=e!==void 0?`--${r.flag}`:t,a=Number(o);if(!(r.whole?/^\d+$/:/^\d+(\.\d+)?$/).test(o)||a<r.min||a>r.max)throw new s(`${u} must be a ${r.whole?"whole number":"number"} from ${r.min} to ${r.max}, got '${o}'`);return a}function y(e,t){return{maxRequestsPerSecond:c(e["max-requests-per-second"],m.maxRequestsPerSecond,t,{flag:"max-requests-per-second",min:0,max:1e3,whole:!1,fallback:i.maxRequestsPerSecond}),concurrency:c(e.concurrency,m.concurrency,t,{flag:"concurrency",min:1,max:64,whole:!0,fallback:i.concurrency})}}var w=["format","api-url","versioning","calls","days","max-requests-per-second","concurrency"],E=(e,t)=>`Usage: atoms-metrics stats [files or globs\u2026] [options]

Shows what each agent's live metrics produced on its recent calls: per metric, how many calls gave a value,
the empty and low-confidence (< 0.5) rates, ENUM shares and answers outside choices, BOOLEAN and INTEGER
off-type answers, the DATETIME parse rate, STRING distinct values and the most common short ones; and the calls
whose analytics the platform dropped. Only non-test calls on the live version count. Reads at most three pages
of calls per agent; writes nothing. Shows aggregates only: never a transcript, phone number or free text.

Options:
  --calls <n>                   The last this many calls (1 to 1500, default 500)\u2026
  --days <n>                    \u2026or this many days (1 to 90, default 14), whichever is smaller
  --format text|json            Output format (default text)
  --api-url <url>               API base URL (default $ATOMS_API_URL or ${e})
  --versioning auto|v1|v2       Versioning model (default $ATOMS_VERSIONING or auto)
${t}
  -h, --help                    Show this help
Exit code 0 when every agent's calls were read; 1 when one could not be.`;function l(e,t,n,r){if(e===void 0)return n;if(!/^\d+$/.test(e)||Number(e)<1||Number(e)>r)throw new s(`--${t} must be a whole number from 1 to ${r}, got '${e}'`);return Number(e)}function T(e,t){let n=e.format??"text";if(n!=="text"&&n!=="json")throw new s(`--format must be one of text, json, got '${n}'`);return{kind:"stats",...t,format:n,calls:l(e.calls,"calls",500,1500),days:l(e.days,"days",14,90)}}export{f as a,h as b,s as c,i as d,m as e,y as f,w as g,E as h,T as i};
