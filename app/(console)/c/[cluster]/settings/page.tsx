import type { Metadata } from "next";
import { GlobalSettingsForm } from "@/components/clusters/cluster-settings-form";
import { ClusterSettingsPanel } from "@/components/clusters/cluster-settings-panel";
import type { ClusterRouteParams } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "Global settings" };

export default function GlobalSettingsPage({ params }: { params: ClusterRouteParams }) {
  return <ClusterSettingsPanel params={params} title="Global settings" page="/settings" findingsAbout="cluster's global settings" Form={GlobalSettingsForm} />;
}
