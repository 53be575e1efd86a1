import type { Metadata } from "next";
import { RedundancyForm } from "@/components/clusters/cluster-settings-form";
import { ClusterSettingsPanel } from "@/components/clusters/cluster-settings-panel";
import type { ClusterRouteParams } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "Redundancy" };

export default function RedundancyPage({ params }: { params: ClusterRouteParams }) {
  return <ClusterSettingsPanel params={params} title="Redundancy" page="/redundancy" findingsAbout="router pair" Form={RedundancyForm} />;
}
