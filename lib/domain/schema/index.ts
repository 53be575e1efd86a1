// The interchange document and per-entity schemas shared by forms, actions and the CLI.
export * from "./cluster";
export * from "./document";
export * from "./firewall-mark";
export * from "./format-issues";
export * from "./health-check";
export * from "./parse-document";
export * from "./real-server";
export * from "./virtual-server";
export {
  checkMask, descriptionSchema, deviceSchema, healthStringSchema, hostPortSchema, ipAddressSchema, markSchema, maskSchema,
  nameSchema, portSchema, portSpecSchema, sendProgramSchema,
} from "./primitives";
