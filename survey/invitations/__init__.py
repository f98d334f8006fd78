"""Single-use invitations: a random link per dossier (mã hồ sơ), good for one web response."""
