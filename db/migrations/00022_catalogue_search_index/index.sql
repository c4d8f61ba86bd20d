-- A published project's search document can be far larger than a B-tree index row (2 704 bytes): a long
-- description made saving the project fail. The catalogue's order index no longer carries it; a search walked
-- in the catalogue's order reads each project's document from the table, and a narrow search uses the GIN index.
drop index projects_catalogue_search_idx;
