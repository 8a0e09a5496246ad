// Worker for bench/first.html: the same shape as the page's worker.
import init, { analyse } from "/pkg/teks.js";
const ready = init();
self.onmessage = async (e) => {
  await ready;
  const r = analyse(e.data, { lang: "auto" });
  self.postMessage({ sentences: r.sentences.length, entities: r.entities.map((x) => x.name) });
};
