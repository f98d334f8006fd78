"""Random selection of dossiers (chọn mẫu hồ sơ): a stratified random sample by unit from a dossier list,
reproducible from a recorded seed, turned into single-use invitations, with a log of every draw."""
