-- A tenant's languages (R-10): the one its users see when the language they ask for is not offered,
-- and the languages offered (comma-separated tags such as de,pt-BR,zh-TW). Null: English, and every
-- language the portal speaks, including those added later.
alter table tenant add column default_language varchar(16);
alter table tenant add column offered_languages varchar(1000);
