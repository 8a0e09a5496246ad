export * from "./teks.js";
