import { SiteHeader } from "@/components/layout/site-header";

// The public Schoolkompas: no sign-in, no client JavaScript needed.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader user={null} homeHref="/" />
      <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:py-8">
        {children}
      </main>
    </>
  );
}
