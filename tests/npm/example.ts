// Type-checked by `make test-package` (tsc --noEmit): the declarations name
// every result type, so this must compile without `any`.
import init, { analyse, countEntities, type Analysis, type Entity, type Sentence, type Removal,
  type AnalyseOptions, type Mention } from "teks";
import { createAnalyser, type Analyser } from "teks/analyser";

export async function run(text: string): Promise<string[]> {
  await init();
  const options: AnalyseOptions = { lang: "id", entityTypes: ["PER", "LOC"], cleanRules: { promo: true } };
  const result: Analysis = analyse(text, options);
  const first: Sentence | undefined = result.sentences[0];
  const removed: Removal[] = result.removed;
  const people: Entity[] = countEntities(text, undefined).filter((e) => e.type === "PER");
  const mentions: Mention[] = people.flatMap((e) => e.mentions);
  const analyser: Analyser = createAnalyser();
  const later: Analysis = await analyser.analyse(text, options, { onProgress: (d, t) => void (d / t) });
  analyser.terminate();
  const n: number = result.stats.sentences + removed.length + mentions.length + later.stats.words;
  return [first?.text ?? "", String(n), result.language];
}
