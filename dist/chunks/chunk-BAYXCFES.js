import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
async function c(e,o,a){let r=new Array(e.length),n=0,l=async()=>{for(;n<e.length;){let t=n++,s=e[t];try{r[t]={ok:!0,value:await a(s,t)}}catch(u){r[t]={ok:!1,error:u}}}};return await Promise.all(Array.from({length:Math.max(1,Math.min(o,e.length))},l)),r}export{c as a};
