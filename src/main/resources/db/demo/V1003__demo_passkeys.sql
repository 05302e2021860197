-- Contoso lets its users prove a reset with a passkey; Theo's "Demo passkey" is registered at start-up
-- (dev.sspr.demo.DemoPasskeys), through the same ceremony a browser goes through.
insert into sspr_policy_method (tenant_id, method) values ((select id from tenant where name = 'contoso'), 'PASSKEY');
