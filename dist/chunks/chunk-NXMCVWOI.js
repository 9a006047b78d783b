import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
function e(n){return n instanceof Error&&"code"in n&&typeof n.code=="string"?n.code:""}var o={ENOENT:"no such file",EACCES:"permission denied",EISDIR:"it is a directory",EEXIST:"a file of that name is in the way",ENOTDIR:"a file of that name is in the way"};function s(n){let t=e(n),i=o[t];return i?`${i} (${t})`:t||(n instanceof Error?n.message:String(n))}export{e as a,s as b};
