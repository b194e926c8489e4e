'use strict'

const express = require('express')

const router = express.Router()

const users = [{ id: '1', name: 'Alice' }, { id: '2', name: 'Bob' }]

// req.params.id is used without any validation.
router.get('/:id', (req, res) => {
  const user = users.find((u) => u.id === req.params.id)
  res.json(user || { error: 'no user ' + req.params.id })
})

module.exports = router
