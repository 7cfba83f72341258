import { expect, it } from "vitest";
import { surnameSortKey } from "@/lib/domain/pupils/names";

it("sorts Dutch surnames without their lowercase prefix", () => {
  expect(surnameSortKey("de Bruijn")).toBe("Bruijn");
  expect(surnameSortKey("van den Bosch")).toBe("Bosch");
  expect(surnameSortKey("van 't Hek")).toBe("Hek");
  expect(surnameSortKey("El Amrani")).toBe("El Amrani");
  expect(surnameSortKey("Çelik")).toBe("Çelik");
});
