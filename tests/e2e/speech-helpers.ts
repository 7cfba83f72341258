import type { Page } from "@playwright/test";

// The read-aloud island (components/read-aloud) in browser tests: a stubbed speechSynthesis.

/** A speechSynthesis with these voices that records what it is asked to say; the test ends each utterance itself. */
export async function stubSpeech(page: Page, voiceLangs = ["nl-NL", "ar-SA", "en-GB"]) {
  await page.addInitScript((initial: string[]) => {
    type U = { text: string; lang: string; voice: { lang: string } | null; onend?: () => void };
    const voice = (lang: string) => ({ lang, name: lang, voiceURI: lang, default: false, localService: true });
    let voices = initial.map(voice);
    const listeners: (() => void)[] = [];
    const log = { spoken: [] as { text: string; lang: string; voice: string | null }[], paused: false, cancelled: 0 };
    let current: U | null = null;
    const synth = {
      getVoices: () => voices,
      addEventListener: (_: string, f: () => void) => listeners.push(f),
      removeEventListener: () => {},
      speak(u: U) {
        log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.lang ?? null });
        current = u;
      },
      pause: () => (log.paused = true),
      resume: () => (log.paused = false),
      cancel() {
        log.cancelled++;
        current = null;
      },
    };
    Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
    Object.assign(window, {
      SpeechSynthesisUtterance: function (this: U, text: string) {
        Object.assign(this, { text, lang: "", voice: null });
      },
      speechLog: log,
      // Ends the utterance being spoken (the island then speaks the next), up to `n` times.
      speechEnd: (n = 1) => {
        for (let i = 0; i < n && current; i++) {
          const u = current;
          current = null;
          u.onend?.();
        }
      },
      speechVoices: (langs: string[]) => {
        voices = langs.map(voice);
        listeners.forEach((f) => f());
      },
    });
  }, voiceLangs);
}
export type SpeechLog = { spoken: { text: string; lang: string; voice: string | null }[]; paused: boolean; cancelled: number };
export const speechLog = (page: Page) => page.evaluate(() => (window as unknown as { speechLog: SpeechLog }).speechLog);
