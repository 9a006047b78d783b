// A JSON answer as a test reads it: paths into it are the assertions, and a wrong one fails the test it is in.
// biome-ignore lint/suspicious/noExplicitAny: the emulator's and API's answers are read as they come, by design.
export type Json = any;
