"""Questionnaires on the administration pages: the list, the upload of a definition (`upload`), the
draft and its previews, publication, changes and downloads (`views`), and a draft's texts edited in
the browser (`texts`)."""
