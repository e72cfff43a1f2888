// The public surface of @ksp/exchange: reading and writing files (CSV, XLSX, JSON) for an edition.
// Import side: readers, templates and the import pipeline. Export side: results and edition JSON.
export {};
