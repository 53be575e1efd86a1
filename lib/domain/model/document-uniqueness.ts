import { modelOf, type ModelInput } from "./derive-model";

/** A value the database stores once per scope, used twice in a document. */
export interface DuplicateIssue {
  path: string;
  message: string;
}

/** Names and marks that must be unique (per cluster, per address family, per virtual server), with the paths at fault. */
export function findDuplicates(input: ModelInput): DuplicateIssue[] {
  const model = modelOf(input);
  const { doc, repeats } = model;
  return [
    ...repeats.marks.map(({ index, first }) => ({
      path: `firewallMarks[${index}].mark`,
      message: `mark ${doc.firewallMarks[index]!.mark} is already used by firewallMarks[${first}] for IPv${model.bundles[index]!.family}; allowed: one bundle per mark and address family`,
    })),
    ...repeats.bundleNames.map(({ index, first }) => ({
      path: `firewallMarks[${index}].name`,
      message: `name "${doc.firewallMarks[index]!.name}" is already used by firewallMarks[${first}]; allowed: a name unique in the cluster`,
    })),
    ...repeats.virtualServerNames.map(({ index, first }) => ({
      path: `virtualServers[${index}].name`,
      message: `name "${doc.virtualServers[index]!.name}" is already used by virtualServers[${first}]; allowed: a name unique in the cluster`,
    })),
    ...repeats.realServerNames.map(({ virtualServer, index, first }) => ({
      path: `virtualServers[${virtualServer}].realServers[${index}].name`,
      message: `name "${doc.virtualServers[virtualServer]!.realServers[index]!.name}" is already used by realServers[${first}]; allowed: a name unique in the virtual server`,
    })),
  ];
}
