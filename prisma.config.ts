import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import Result from "pg/lib/result.js";

// The wasm schema engine reads catalog columns of type name/"char", which the
// pg adapter cannot map: present them as text (affects the CLI only).
const asText = new Map([[18, 25], [19, 25], [24, 25], [2205, 25], [1002, 1009], [1003, 1009]]);
type Field = { dataTypeID: number };
const proto = (Result as unknown as { prototype: { addFields: (f: Field[]) => void } }).prototype;
const addFields = proto.addFields;
proto.addFields = function (this: unknown, fields: Field[]) {
  for (const f of fields) f.dataTypeID = asText.get(f.dataTypeID) ?? f.dataTypeID;
  return addFields.call(this, fields);
};

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
});
