import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function NotFoundPage() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-4 text-slate-700">{t("notFoundBody")}</p>
      <Link href="/" className="mt-8 inline-block rounded-lg bg-brand-600 px-5 py-3 font-medium text-white hover:bg-brand-700">
        {t("toHome")}
      </Link>
    </main>
  );
}
