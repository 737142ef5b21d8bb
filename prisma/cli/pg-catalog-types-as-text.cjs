// prisma/orm#27403: the JS schema engine reads Postgres catalogs through adapter-pg, which refuses catalog column
// types such as `name`, `"char"` and the reg* aliases. Reading those OIDs as text (and their arrays as text[]) is
// exactly what the native engine does. Only the Prisma CLI loads this file; the studio's runtime never does.
const Result = require("pg/lib/result.js");

const TEXT = 25;
const TEXT_ARRAY = 1009;
const CATALOG_SCALARS = new Set([18, 19, 24, 2202, 2203, 2204, 2205, 2206, 3734, 3769, 4089, 4096, 4191]);
const CATALOG_ARRAYS = new Set([1002, 1003, 1008, 2207, 2208, 2209, 2210, 2211, 3735, 3770, 4090, 4097, 4192]);

if (!Result.prototype.__catalogTypesAsText) {
  const addFields = Result.prototype.addFields;
  Result.prototype.addFields = function addFieldsWithCatalogTypesAsText(fieldDescriptions) {
    for (const field of fieldDescriptions) {
      if (CATALOG_SCALARS.has(field.dataTypeID)) field.dataTypeID = TEXT;
      else if (CATALOG_ARRAYS.has(field.dataTypeID)) field.dataTypeID = TEXT_ARRAY;
    }
    return addFields.call(this, fieldDescriptions);
  };
  Result.prototype.__catalogTypesAsText = true;
}
