"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { usePathname } from "next/navigation";

// Read-aloud for the parent pages (issue 18, decision 0030): the browser's own
// speechSynthesis reads the page's main content, a sentence at a time, each in
// the language of its nearest `lang` attribute (school text marked lang="nl"
// gets a Dutch voice), highlighting the element being read. No dependencies:
// this island is all the JavaScript it adds to the parent pages.

export type ReadAloudTexts = { start: string; pause: string; stop: string; noVoice: string; reading: string; paused: string; stopped: string; group: string };
type Chunk = { text: string; lang: string; el: Element };
type Support = "none" | "wait" | "ready" | "noVoice";

const BLOCKS = "p,h1,h2,h3,h4,h5,h6,li,dt,dd,th,td,caption,figcaption,summary,legend,label,blockquote,pre";
const SKIP = "svg,script,style,template,[hidden],[aria-hidden=true],.sr-only,[data-read-aloud]";
export const CURRENT = "read-aloud-current";

const primary = (lang: string | null | undefined) => (lang || "").toLowerCase().split(/[-_]/)[0];

function voiceFor(lang: string, voices: SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const match = voices.filter((v) => primary(v.lang) === lang);
  return match.find((v) => v.default) ?? match.find((v) => v.localService) ?? match[0] ?? null;
}

/** The visible text under `root` in reading order, a sentence per chunk, with its language and the element to highlight. */
export function readingChunks(root: Element, pageLang: string): Chunk[] {
  const out: Chunk[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = (node.nodeValue || "").replace(/\s+/g, " ").trim();
    if (!parent || !text || parent.closest(SKIP) || !(parent.checkVisibility?.() ?? parent.getClientRects().length > 0)) continue;
    const langEl = parent.closest("[lang]");
    const lang = primary(langEl?.getAttribute("lang")) || pageLang;
    const block = parent.closest(BLOCKS);
    // The smallest of: the element with the language (an inline school word), the block, the text's own element.
    const el = block && root.contains(block) ? (langEl && block.contains(langEl) ? langEl : block) : parent;
    const last = out[out.length - 1];
    if (last && last.el === el && last.lang === lang) last.text += ` ${text}`;
    else out.push({ text, lang, el });
  }
  // One utterance per sentence: long utterances stop halfway in some browsers.
  return out.flatMap((c) => c.text.replace(/([.!?؟])\s+/g, "$1\n").split("\n").map((text) => ({ ...c, text })));
}

// Whether this device can read the page's language: voices may arrive later
// (voiceschanged); without any after 3 s the device has none. No
// speechSynthesis at all (or on the server): "none", and nothing renders.
let waited = false;
function subscribe(notify: () => void) {
  const synth = window.speechSynthesis;
  synth?.addEventListener?.("voiceschanged", notify);
  const timer = setTimeout(() => {
    waited = true;
    notify();
  }, 3000);
  return () => {
    synth?.removeEventListener?.("voiceschanged", notify);
    clearTimeout(timer);
  };
}
function support(): Support {
  const synth = window.speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === "undefined") return "none";
  const voices = synth.getVoices();
  if (!voices.length) return waited ? "noVoice" : "wait";
  return voiceFor(primary(document.documentElement.lang), voices) ? "ready" : "noVoice";
}

export function ReadAloud({ texts }: { texts: ReadAloudTexts }) {
  const can = useSyncExternalStore(subscribe, support, () => "none" as const);
  const [state, setState] = useState<"idle" | "playing" | "paused" | "noVoice">("idle");
  const [status, setStatus] = useState("");
  const run = useRef(0);
  const marked = useRef<Element | null>(null);
  // The utterance being spoken: without a reference some browsers collect it and never fire its end.
  const speaking = useRef<SpeechSynthesisUtterance | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  const path = usePathname();

  const mark = (el: Element | null) => {
    marked.current?.classList.remove(CURRENT);
    marked.current = el;
    if (!el) return;
    el.classList.add(CURRENT);
    el.scrollIntoView({ block: "nearest", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
  };
  const stop = () => {
    run.current++;
    window.speechSynthesis?.cancel();
    mark(null);
  };

  // Another page (client navigation) or leaving: stop reading.
  useEffect(() => {
    const runs = run;
    const current = marked;
    return () => {
      runs.current++;
      window.speechSynthesis?.cancel();
      current.current?.classList.remove(CURRENT);
      setState((s) => (s === "noVoice" ? s : "idle"));
    };
  }, [path]);

  if (can === "none") return null;

  const start = () => {
    const synth = window.speechSynthesis;
    const pageLang = primary(document.documentElement.lang);
    const voices = synth.getVoices();
    if (!voiceFor(pageLang, voices)) return setState("noVoice");
    const main = document.getElementById("main");
    if (!main) return;
    stop();
    const id = run.current;
    const list = readingChunks(main, pageLang);
    const say = (i: number) => {
      if (id !== run.current) return;
      if (i >= list.length) {
        mark(null);
        setState("idle");
        return setStatus(texts.stopped);
      }
      const c = list[i];
      const u = new SpeechSynthesisUtterance(c.text);
      u.lang = c.lang;
      const voice = voiceFor(c.lang, voices);
      if (voice) u.voice = voice;
      u.onend = () => say(i + 1);
      u.onerror = (e) => e.error !== "interrupted" && e.error !== "canceled" && say(i + 1);
      mark(c.el);
      speaking.current = u;
      synth.speak(u);
    };
    say(0);
    setState("playing");
    setStatus(texts.reading);
  };
  const toggle = () => {
    if (state === "playing") {
      window.speechSynthesis.pause();
      setState("paused");
      setStatus(texts.paused);
    } else {
      window.speechSynthesis.resume();
      setState("playing");
      setStatus(texts.reading);
    }
  };
  const end = () => {
    stop();
    setState("idle");
    setStatus(texts.stopped);
    first.current?.focus();
  };
  const active = state === "playing" || state === "paused";
  const noVoice = !active && (can === "noVoice" || (state === "noVoice" && can !== "ready"));
  const button = "inline-flex min-h-11 items-center gap-2 rounded-lg border border-brand-600 bg-white px-3 font-semibold text-brand-700 hover:bg-brand-50";

  return (
    <div role="group" aria-label={texts.group} data-read-aloud className="flex flex-wrap items-center gap-2">
      {noVoice ? (
        <button type="button" aria-disabled="true" className="inline-flex min-h-11 items-center rounded-lg border border-slate-400 bg-white px-3 text-start text-sm text-slate-800">
          {texts.noVoice}
        </button>
      ) : (
        <button ref={first} type="button" className={button} aria-pressed={active ? state === "paused" : undefined} onClick={active ? toggle : start}>
          <span aria-hidden="true">{active ? "❚❚" : "▶"}</span>
          {active ? texts.pause : texts.start}
        </button>
      )}
      {active ? (
        <button type="button" className={button} onClick={end}>
          <span aria-hidden="true">■</span>
          {texts.stop}
        </button>
      ) : null}
      {/* A live region without role="status": the page's own status messages stay the only "status" on the page. */}
      <p aria-live="polite" className="sr-only" data-read-aloud-status>{status}</p>
    </div>
  );
}
