type Props = {
  current: string;
  options: { value: string; label: string }[];
  labels: { language: string; save: string };
};

/**
 * A plain form to app/api/language: no client JavaScript, and it works on
 * cached public pages (their language comes from the cookie it sets).
 */
export function LanguageSwitch({ current, options, labels }: Props) {
  return (
    <form method="post" action="/api/language" className="flex items-center gap-2">
      <label htmlFor="language-select" className="text-sm text-slate-700">
        {labels.language}
      </label>
      <select
        id="language-select"
        name="locale"
        defaultValue={current}
        className="min-h-11 rounded-lg border border-slate-300 bg-white px-2 text-sm"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" className="min-h-11 rounded-lg border border-brand-600 px-3 text-sm font-medium text-brand-700 hover:bg-brand-50">
        {labels.save}
      </button>
    </form>
  );
}
