import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import"./chunk-CJYHF5XF.js";import{execFile as m}from"node:child_process";import{basename as d,dirname as g}from"node:path";var u=8*1024*1024;function a(n,s){return new Promise(i=>{m("git",n,{cwd:s,maxBuffer:u,timeout:1e4,windowsHide:!0},(t,o)=>i(t?void 0:o))})}async function C(n,s=30){let i=g(n),t=d(n),o=await a(["log",`-n${s}`,"--format=%H","--",t],i);if(!o)return[];let{validateText:c}=await import("./validate-text-CD7FH4B7.js"),r=[];for(let l of o.split(`
`).filter(e=>/^[0-9a-f]{40}$/.test(e))){let e=await a(["show",`${l}:./${t}`],i),f=e===void 0?void 0:c(t,e).file?.config;f&&r.push(f)}return r}export{C as readEarlierContents};
