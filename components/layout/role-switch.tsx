type Props = {
  action: (formData: FormData) => Promise<void>;
  current: string;
  options: { value: string; label: string }[];
  labels: { role: string; switch: string };
};

/**
 * For a person with several roles (a mentor who is also a parent at the
 * school): a plain form, so it works without client JavaScript. The server
 * checks the choice against the user's own roles.
 */
export function RoleSwitch({ action, current, options, labels }: Props) {
  return (
    <form action={action} className="flex w-full min-w-0 items-center gap-2 sm:w-auto">
      <label htmlFor="role-select" className="text-sm text-slate-700">
        {labels.role}
      </label>
      {/* Keyed by the active role: after a switch (a client-side navigation) the select shows the new one. */}
      <select key={current} id="role-select" name="membershipId" defaultValue={current} className="min-h-11 w-0 min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2 text-sm sm:w-auto sm:max-w-[16rem] sm:flex-none">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" className="min-h-11 rounded-lg border border-brand-600 px-3 text-sm font-medium text-brand-700 hover:bg-brand-50">
        {labels.switch}
      </button>
    </form>
  );
}
