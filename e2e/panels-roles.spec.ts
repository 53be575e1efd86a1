import { expect, test } from "@playwright/test";
import { stateFile } from "./support/env";
import { PANELS_CLUSTER, callAction, ensurePanelsCluster, expectAccessible, screenshot, showPanelsCluster } from "./panels-helpers";

const DENIED = "Your role does not allow this action.";

test.beforeAll(async ({ browser }) => ensurePanelsCluster(browser));

test.describe("viewer", () => {
  test.use({ storageState: stateFile("viewer") });

  test("[viewer] sees the panels without edit controls", async ({ page }, testInfo) => {
    await showPanelsCluster(page);
    await page.goto("/virtual-servers");
    await expect(page.getByRole("link", { name: "Add virtual server" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^(Delete|Deactivate|Activate)/ })).toHaveCount(0);
    await expectAccessible(page, testInfo, "viewer-virtual-servers");
    await page.goto("/firewall-marks");
    await expect(page.getByRole("link", { name: "Add bundle" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Delete|Create virtual server/ })).toHaveCount(0);
    await page.goto("/virtual-servers/new");
    await expect(page.getByRole("button", { name: "Create virtual server" })).toHaveCount(0);
    await expect(page.getByLabel("Virtual IP Address")).toBeDisabled();
    for (const path of ["/settings", "/redundancy"]) {
      await page.goto(path);
      await expect(page.getByRole("button", { name: /^Save/ })).toHaveCount(0);
    }
    await page.goto("/clusters");
    await expect(page.getByRole("form", { name: "Create cluster" })).toHaveCount(0);
    await expectAccessible(page, testInfo, "viewer-clusters");
    await screenshot(page, testInfo, "viewer-clusters");
  });

  test("[viewer] the panel actions refuse when called directly, and nothing changes", async ({ page }) => {
    await showPanelsCluster(page);
    const bundle = { mark: 4243, name: "viewer-probe", vip: "192.0.2.44", protocol: "tcp", ports: ["4243"] };
    for (const clusterId of [1, 2]) {
      expect(await callAction(page, "/firewall-marks/new", "createFirewallMarkAction", [clusterId, bundle])).toContain(DENIED);
      expect(await callAction(page, "/virtual-servers/new", "createVirtualServerAction", [clusterId, { name: "viewer-probe", vip: "192.0.2.44", port: 80 }]))
        .toContain(DENIED);
    }
    expect(await callAction(page, "/virtual-servers", "deleteVirtualServerAction", [1, 1])).toContain(DENIED);
    expect(await callAction(page, "/settings", "updateGlobalSettingsAction", [1, 1, { name: "hijacked", primary: { publicIp: "192.0.2.9" } }]))
      .toContain(DENIED);
    await page.goto("/firewall-marks");
    await expect(page.getByText("viewer-probe")).toHaveCount(0);
    await page.goto("/virtual-servers?q=viewer-probe");
    await expect(page.getByText("0 virtual servers matching")).toBeVisible();
  });
});

test.describe("operator", () => {
  test.use({ storageState: stateFile("operator") });

  test("[operator] may not change cluster settings or manage clusters, even directly", async ({ page }) => {
    await showPanelsCluster(page);
    await page.goto("/settings");
    await expect(page.getByRole("button", { name: "Save global settings" })).toHaveCount(0);
    expect(await callAction(page, "/settings", "updateGlobalSettingsAction", [1, 1, { name: "hijacked", primary: { publicIp: "192.0.2.9" } }]))
      .toContain(DENIED);
    expect(await callAction(page, "/clusters", "deleteClusterAction", [1, 1])).toContain(DENIED);
  });
});

test.describe("admin", () => {
  test.use({ storageState: stateFile("admin") });

  test("[admin] edits global settings and redundancy, refusing bad input", async ({ page }, testInfo) => {
    await showPanelsCluster(page);
    await page.goto("/settings");
    const settings = page.getByRole("form", { name: "Global settings" });
    await settings.getByLabel("NAT Router IP").fill("10.11.12.10");
    await settings.getByLabel("NAT Router netmask").fill("255.255.0.255");
    await settings.getByLabel("NAT Router device").fill("eth1:1");
    await settings.getByRole("button", { name: "Save global settings" }).click();
    await expect(settings.getByLabel("NAT Router netmask")).toBeFocused();
    await expect(page.locator("#f-natRouter-netmask-error")).toContainText("contiguous");
    await settings.getByLabel("NAT Router netmask").fill("255.255.255.0");
    await settings.getByRole("button", { name: "Save global settings" }).click();
    await expect(settings.getByRole("status")).toHaveText("Saved global settings.");
    await expectAccessible(page, testInfo, "admin-global-settings");
    await screenshot(page, testInfo, "admin-global-settings");

    await page.goto("/redundancy");
    const redundancy = page.getByRole("form", { name: "Redundancy" });
    await redundancy.getByLabel("Enable backup router").check();
    await redundancy.getByRole("button", { name: "Save redundancy" }).click();
    await expect(page.locator("#f-backup-publicIp-error")).toContainText("required when the backup is enabled");
    await redundancy.getByLabel("Redundant server public IP").fill("203.0.113.3");
    await redundancy.getByLabel("Heartbeat interval (seconds)").fill("3");
    await redundancy.getByRole("button", { name: "Save redundancy" }).click();
    await expect(redundancy.getByRole("status")).toHaveText("Saved redundancy.");
    await page.reload();
    await expect(page.getByLabel("Heartbeat interval (seconds)")).toHaveValue("3");
    await expectAccessible(page, testInfo, "admin-redundancy");
    await screenshot(page, testInfo, "admin-redundancy");
  });

  test("[admin] creates, renames and deletes a cluster", async ({ page }, testInfo) => {
    await page.goto("/clusters");
    const create = page.getByRole("form", { name: "Create cluster" });
    await create.getByLabel("Cluster name").fill("e2e-temp");
    await create.getByLabel("Primary server public IP").fill("198.51.100.2");
    await create.getByRole("button", { name: "Create cluster" }).click();
    await expect(create.getByRole("status")).toContainText("Created cluster e2e-temp");
    await create.getByLabel("Cluster name").fill(PANELS_CLUSTER);
    await create.getByLabel("Primary server public IP").fill("198.51.100.3");
    await create.getByRole("button", { name: "Create cluster" }).click();
    await expect(page.locator("#new-cluster-name-error")).toContainText("already taken");

    const rename = page.getByRole("form", { name: "Rename cluster e2e-temp" });
    await rename.getByLabel("New name for e2e-temp").fill("e2e-temp2");
    await rename.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByRole("cell", { name: "e2e-temp2", exact: true })).toBeVisible();
    await expectAccessible(page, testInfo, "admin-clusters");
    await screenshot(page, testInfo, "admin-clusters");
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Delete cluster e2e-temp2" }).click();
    await expect(page.getByRole("cell", { name: "e2e-temp2", exact: true })).toHaveCount(0);
  });
});
