import type { Metadata } from "next";
import type { ReactNode } from "react";
import { readTheme } from "@/lib/server/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "LVS Console", template: "%s · LVS Console" },
  description: "Linux Virtual Server configuration console",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = await readTheme();
  return (
    <html lang="en" data-theme={theme === "system" ? undefined : theme}>
      <body>
        <a className="skip-link" href="#main">Skip to main content</a>
        {children}
      </body>
    </html>
  );
}
